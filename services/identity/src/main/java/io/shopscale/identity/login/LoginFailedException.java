package io.shopscale.identity.login;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 401, the same for an unknown email and a wrong password, so the answer tells nobody which accounts exist. */
class LoginFailedException extends ErrorResponseException {

    LoginFailedException() {
        super(HttpStatus.UNAUTHORIZED,
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Email or password is incorrect."), null);
    }
}
