package io.shopscale.identity.login;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.identity.password.PasswordHasher;
import io.shopscale.identity.token.AccessToken;
import io.shopscale.identity.token.TokenIssuer;
import io.shopscale.identity.user.EmailAddress;
import io.shopscale.identity.user.UserAccount;
import io.shopscale.identity.user.Users;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Exchanges an email and password for an access token. An unknown email and a wrong password take the same steps
 * (a throttle check, a lookup, one Argon2id comparison, a failure count) and end in the same 401.
 */
@Service
class Login {

    private final Users users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TokenIssuer tokens;
    private final Counter succeeded;
    private final Counter failed;
    private final Counter throttled;

    Login(Users users, PasswordHasher hasher, LoginThrottle throttle, TokenIssuer tokens, MeterRegistry meters) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
        this.succeeded = outcome(meters, "success");
        this.failed = outcome(meters, "failure");
        this.throttled = outcome(meters, "throttled");
    }

    AccessToken login(String email, String password, String clientAddress) {
        String account = EmailAddress.normalise(email);
        FailureBudget.Verdict verdict = throttle.check(account, clientAddress);
        if (!verdict.allowed()) {
            throttled.increment();
            throw new TooManyLoginAttemptsException(verdict.retryAfter());
        }
        Optional<UserAccount> user = EmailAddress.tryParse(email).flatMap(users::byEmail);
        boolean authenticated;
        if (user.isPresent()) {
            authenticated = hasher.matches(password, user.get().passwordHash());
        } else {
            hasher.matchNothing(password);
            authenticated = false;
        }
        if (!authenticated) {
            throttle.recordFailure(account, clientAddress);
            failed.increment();
            throw new LoginFailedException();
        }
        throttle.recordSuccess(account);
        succeeded.increment();
        return tokens.issue(user.get().id(), user.get().roleNames());
    }

    /** Login outcomes as a metric rather than a log line per attempt: an attack must not flood the logs. */
    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("identity.login")
                .description("Login attempts by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }
}
