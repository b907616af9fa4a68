package io.shopscale.identity.login;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 429 with {@code Retry-After}: too many failed logins for this account from this address, or from this address, or an
 * account slowed past its ceiling whose next attempt is due in a few seconds.
 */
class TooManyLoginAttemptsException extends ErrorResponseException {

    TooManyLoginAttemptsException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed login attempts. Try again in " + retryAfter.toSeconds() + " seconds."), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
    }
}
