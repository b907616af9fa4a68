package io.shopscale.identity.password;

import io.shopscale.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A new password breaks a rule: 400 with {@code parameter: "password"} and the rule's code in {@code rule}. */
public class WeakPasswordException extends ErrorResponseException {

    private final PasswordRule rule;

    public WeakPasswordException(PasswordRule rule) {
        super(HttpStatus.BAD_REQUEST, problem(rule), null);
        this.rule = rule;
    }

    public PasswordRule rule() {
        return rule;
    }

    private static ProblemDetail problem(PasswordRule rule) {
        ProblemDetail problem = Problems.invalidParameter("password", rule.message());
        problem.setProperty("rule", rule.code());
        return problem;
    }
}
