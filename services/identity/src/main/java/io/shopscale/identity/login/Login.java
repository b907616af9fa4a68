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
 * (a reservation with the throttle, a lookup, one Argon2id comparison) and end in the same 401. The throttle counts an
 * attempt before it is hashed, so a guess beyond the budgets is refused (429) without costing a hash.
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
        LoginThrottle.Reservation reservation = throttle.reserve(account, clientAddress);
        if (!reservation.admitted()) {
            throttled.increment();
            throw new TooManyLoginAttemptsException(reservation.verdict().retryAfter());
        }
        Optional<UserAccount> user;
        boolean authenticated;
        try {
            user = EmailAddress.tryParse(email).flatMap(users::byEmail);
            if (user.isPresent()) {
                authenticated = hasher.matches(password, user.get().passwordHash());
            } else {
                hasher.matchNothing(password);
                authenticated = false;
            }
        } catch (RuntimeException noPasswordCompared) {
            // A busy hasher or a failing database: the caller learns nothing, so the attempt must cost them nothing.
            throttle.release(reservation);
            throw noPasswordCompared;
        }
        if (!authenticated) {
            // The reservation stays: it was this failure, counted before the hash.
            failed.increment();
            throw new LoginFailedException();
        }
        throttle.succeeded(reservation);
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
