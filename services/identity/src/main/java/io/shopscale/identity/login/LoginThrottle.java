package io.shopscale.identity.login;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.identity.IdentityProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address in Redis, so every identity instance sees the same counts
 * and an attacker gains nothing by spreading guesses over instances. Each check and each update is one Lua script:
 * one round trip, atomic.
 *
 * <p>When Redis is unreachable, logins are allowed unthrottled (fail open) and a warning is logged: refusing every
 * login during a cache outage would take the whole shop's sign-in down to slow down a guesser, while each guess still
 * costs an Argon2id hash, the gateway still rate-limits, and the window lasts only as long as the outage.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String PREFIX = "identity:login-failures:v1:";
    private static final long WARN_INTERVAL_MILLIS = 30_000;

    /** KEYS: account, address. Returns {account failures, account PTTL, address failures, address PTTL}. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> READ = RedisScript.of("""
            return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]),
                    tonumber(redis.call('GET', KEYS[2]) or '0'), redis.call('PTTL', KEYS[2])}""", List.class);

    /** KEYS: account, address; ARGV: their windows in ms. The window opens with a key's first failure. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> RECORD_FAILURE = RedisScript.of("""
            local result = {}
            for i = 1, 2 do
              local n = redis.call('INCR', KEYS[i])
              if n == 1 or redis.call('PTTL', KEYS[i]) < 0 then
                redis.call('PEXPIRE', KEYS[i], ARGV[i])
              end
              result[i] = n
            end
            return result""", List.class);

    private final StringRedisTemplate redis;
    private final FailureBudget accountBudget;
    private final FailureBudget addressBudget;
    private final Counter unavailable;
    private final AtomicLong lastWarning = new AtomicLong();

    LoginThrottle(StringRedisTemplate redis, IdentityProperties properties, MeterRegistry meters) {
        this.redis = redis;
        IdentityProperties.Login login = properties.login();
        this.accountBudget = new FailureBudget(login.maxAccountFailures(), login.accountWindow());
        this.addressBudget = new FailureBudget(login.maxAddressFailures(), login.addressWindow());
        this.unavailable = Counter.builder("identity.login.throttle.unavailable")
                .description("Login throttling checks skipped because Redis was unreachable")
                .register(meters);
    }

    /** Whether this account may try to log in from this address now. */
    FailureBudget.Verdict check(String account, String address) {
        try {
            List<?> counts = redis.execute(READ, List.of(accountKey(account), addressKey(address)));
            return accountBudget.assess(number(counts, 0), number(counts, 1))
                    .and(addressBudget.assess(number(counts, 2), number(counts, 3)));
        } catch (RuntimeException e) {
            failOpen(e);
            return FailureBudget.Verdict.ALLOWED;
        }
    }

    void recordFailure(String account, String address) {
        try {
            redis.execute(RECORD_FAILURE, List.of(accountKey(account), addressKey(address)),
                    Long.toString(accountBudget.window().toMillis()), Long.toString(addressBudget.window().toMillis()));
        } catch (RuntimeException e) {
            failOpen(e);
        }
    }

    /**
     * A successful login clears the account's failures, not the address's: otherwise a guesser with one account
     * of their own could reset their address budget between guesses at other accounts.
     */
    void recordSuccess(String account) {
        try {
            redis.delete(accountKey(account));
        } catch (RuntimeException e) {
            failOpen(e);
        }
    }

    /** Accounts are keyed by a hash of the normalised email: Redis needs no email addresses. */
    static String accountKey(String account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(account.getBytes(StandardCharsets.UTF_8));
            return PREFIX + "account:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String addressKey(String address) {
        return PREFIX + "address:" + address;
    }

    private void failOpen(RuntimeException e) {
        unavailable.increment();
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last >= WARN_INTERVAL_MILLIS && lastWarning.compareAndSet(last, now)) {
            log.warn("login throttling is unavailable, logins are not throttled until Redis answers again: {}",
                    e.getMessage());
        }
    }

    private static long number(List<?> values, int index) {
        return values != null && values.size() > index && values.get(index) instanceof Number n ? n.longValue() : 0;
    }
}
