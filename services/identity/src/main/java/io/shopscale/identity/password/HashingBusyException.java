package io.shopscale.identity.password;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Every password-hashing slot stayed busy: 503 with Retry-After, so the client (or the gateway) tries again. */
public class HashingBusyException extends ErrorResponseException {

    public HashingBusyException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service is busy. Try again in a moment."), null);
        getHeaders().set("Retry-After", "1");
    }
}
