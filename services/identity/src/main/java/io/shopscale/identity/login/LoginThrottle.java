package io.shopscale.identity.login;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.identity.IdentityProperties;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Login budgets in Redis, so every identity instance sees the same counts and an attacker gains nothing by spreading
 * guesses over instances. Three budgets: one account from one client address, one address at any accounts, and one
 * account from all addresses, past whose ceiling the account is slowed rather than refused ({@link AccountCeiling}).
 *
 * <p>An attempt is counted before its password is hashed. One script checks every budget and, when all allow, counts
 * the attempt as a failure up front (a reservation), atomically and in one round trip: parallel guesses cannot all
 * pass a check that none of them has been counted against yet, and a refused guess costs no hash. A failure keeps its
 * reservation; a success and an attempt that compared no password settle it ({@link #succeeded}, {@link #release}).
 *
 * <p>When Redis is unreachable, logins are allowed unthrottled (fail open) and a warning is logged: refusing every
 * login during a cache outage would take the whole shop's sign-in down to slow down a guesser, while each guess still
 * costs an Argon2id hash, the gateway still rate-limits, and the window lasts only as long as the outage.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String PREFIX = "identity:login-throttle:v2:";
    private static final long WARN_INTERVAL_MILLIS = 30_000;

    /**
     * KEYS: account+address failures, address failures, account failures, the account's trickle slot. ARGV: the three
     * budgets, each followed by its window in ms, then the trickle interval in ms. Past the account's ceiling an
     * attempt must also take the slot, which it holds for the trickle interval; a refused attempt is counted nowhere
     * and takes no slot. Returns {admitted (1 or 0), account+address failures and PTTL, address failures and PTTL,
     * account failures, the slot's PTTL when it refused (else 0)}, the counts as they were before this attempt.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> RESERVE = RedisScript.of("""
            local counts, ttls = {}, {}
            for i = 1, 3 do
              counts[i] = tonumber(redis.call('GET', KEYS[i]) or '0')
              ttls[i] = redis.call('PTTL', KEYS[i])
            end
            local admitted, slot = 1, 0
            if counts[1] >= tonumber(ARGV[1]) or counts[2] >= tonumber(ARGV[3]) then
              admitted = 0
            elseif counts[3] >= tonumber(ARGV[5]) and not redis.call('SET', KEYS[4], '1', 'NX', 'PX', ARGV[7]) then
              admitted, slot = 0, redis.call('PTTL', KEYS[4])
            end
            if admitted == 1 then
              for i = 1, 3 do
                if redis.call('INCR', KEYS[i]) == 1 or redis.call('PTTL', KEYS[i]) < 0 then
                  redis.call('PEXPIRE', KEYS[i], ARGV[2 * i])
                end
              end
            end
            return {admitted, counts[1], ttls[1], counts[2], ttls[2], counts[3], slot}""", List.class);

    /**
     * KEYS: account+address failures, account failures, address failures; ARGV: 1 when the attempt was counted.
     * The password proved the owner: the account's failures go, from this address and from all. The address only
     * gets this attempt back; clearing it would let a guesser with an account of their own reset their address's
     * budget between guesses at other accounts.
     */
    private static final RedisScript<Long> SUCCEEDED = RedisScript.of("""
            redis.call('DEL', KEYS[1], KEYS[2])
            if ARGV[1] == '1' and tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then
              redis.call('DECR', KEYS[3])
            end
            return 1""", Long.class);

    /** KEYS: the counts to give one attempt back to; a count that its window has meanwhile closed stays gone. */
    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            for i = 1, #KEYS do
              if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then
                redis.call('DECR', KEYS[i])
              end
            end
            return 1""", Long.class);

    private final StringRedisTemplate redis;
    private final FailureBudget accountAddressBudget;
    private final FailureBudget addressBudget;
    private final AccountCeiling accountCeiling;
    private final Object[] limits;
    private final Counter unavailable;
    private final AtomicLong lastWarning = new AtomicLong();

    LoginThrottle(StringRedisTemplate redis, IdentityProperties properties, MeterRegistry meters) {
        this.redis = redis;
        IdentityProperties.Login login = properties.login();
        this.accountAddressBudget = new FailureBudget(login.maxAccountAddressFailures(), login.accountAddressWindow());
        this.addressBudget = new FailureBudget(login.maxAddressFailures(), login.addressWindow());
        this.accountCeiling = new AccountCeiling(new FailureBudget(login.accountCeiling(), login.accountWindow()),
                login.accountTrickle());
        this.limits = new Object[] {
                Integer.toString(accountAddressBudget.maxFailures()), millis(accountAddressBudget.window()),
                Integer.toString(addressBudget.maxFailures()), millis(addressBudget.window()),
                Integer.toString(accountCeiling.budget().maxFailures()), millis(accountCeiling.budget().window()),
                millis(accountCeiling.trickle())};
        this.unavailable = Counter.builder("identity.login.throttle.unavailable")
                .description("Login throttling checks skipped because Redis was unreachable")
                .register(meters);
    }

    /** Admits this attempt and counts it as a failure, or tells how long to wait; never both. */
    Reservation reserve(String account, String address) {
        Keys keys = Keys.of(account, address);
        try {
            List<?> answer = redis.execute(RESERVE,
                    List.of(keys.accountAddress(), keys.address(), keys.account(), keys.trickleSlot()), limits);
            if (number(answer, 0) == 1) {
                return new Reservation(keys, FailureBudget.Verdict.ALLOWED, true);
            }
            FailureBudget.Verdict verdict = accountAddressBudget.assess(number(answer, 1), number(answer, 2))
                    .and(addressBudget.assess(number(answer, 3), number(answer, 4)))
                    .and(accountCeiling.assess(number(answer, 5), number(answer, 6)));
            // The script applies the same rules, so this cannot disagree; if it ever did, refusal is the safe side.
            return new Reservation(keys, verdict.allowed() ? FailureBudget.Verdict.blockedFor(Duration.ofSeconds(1))
                    : verdict, false);
        } catch (RuntimeException e) {
            failOpen(e);
            return new Reservation(keys, FailureBudget.Verdict.ALLOWED, false);
        }
    }

    /** The password was right: the account's failures are cleared and the address gets this attempt back. */
    void succeeded(Reservation reservation) {
        Keys keys = reservation.keys();
        try {
            redis.execute(SUCCEEDED, List.of(keys.accountAddress(), keys.account(), keys.address()),
                    reservation.counted() ? "1" : "0");
        } catch (RuntimeException e) {
            failOpen(e);
        }
    }

    /** No password was compared (the hasher was busy, the database failed): the attempt was no guess. */
    void release(Reservation reservation) {
        if (!reservation.counted()) {
            return;
        }
        Keys keys = reservation.keys();
        try {
            redis.execute(RELEASE, List.of(keys.accountAddress(), keys.address(), keys.account()));
        } catch (RuntimeException e) {
            failOpen(e);
        }
    }

    /**
     * An attempt as the throttle decided it.
     *
     * @param counted whether it was counted in Redis (not when Redis could not be asked)
     */
    record Reservation(Keys keys, FailureBudget.Verdict verdict, boolean counted) {

        boolean admitted() {
            return verdict.allowed();
        }
    }

    /** The Redis keys of one account at one address. */
    record Keys(String accountAddress, String address, String account, String trickleSlot) {

        static Keys of(String account, String address) {
            String accountHash = hash(account);
            String budgetAddress = budgetAddress(address);
            return new Keys(PREFIX + "account-address:" + accountHash + ":" + budgetAddress,
                    PREFIX + "address:" + budgetAddress,
                    PREFIX + "account:" + accountHash,
                    PREFIX + "account-trickle:" + accountHash);
        }
    }

    /**
     * An IPv6 client counts as its /64: one subscriber is usually given a whole /64 and could otherwise take a fresh
     * address, and a fresh budget, for every guess.
     */
    static String budgetAddress(String address) {
        return IpRange.literal(address)
                .filter(Inet6Address.class::isInstance)
                .map(v6 -> new IpRange(v6, 64).network().getHostAddress() + "/64")
                .orElse(address);
    }

    /** Accounts are keyed by a hash of the normalised email: Redis needs no email addresses. */
    private static String hash(String account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(account.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    private static long number(List<?> values, int index) {
        return values != null && values.size() > index && values.get(index) instanceof Number n ? n.longValue() : 0;
    }
}
