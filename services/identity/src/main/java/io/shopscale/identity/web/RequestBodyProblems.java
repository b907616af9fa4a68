package io.shopscale.identity.web;

import io.shopscale.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * A body that cannot be read becomes a 400 that says which field is wrong and why: an unknown field, a value of the
 * wrong type, or JSON that is not JSON. Ordered before the platform's advice, which would only say "failed to read".
 * The parser's own message is never echoed: it quotes input and class names.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyProblems {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        ProblemDetail problem = describe(e.getCause());
        Problems.decorate(problem, request);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ProblemDetail describe(Throwable cause) {
        if (cause instanceof PropertyBindingException unknown) {
            String field = unknown.getPropertyName();
            return Problems.invalidParameter(field, "'" + field + "' is not a field of this request.");
        }
        if (cause instanceof MismatchedInputException mismatch && field(mismatch) != null) {
            String field = field(mismatch);
            return Problems.invalidParameter(field, "'" + field + "' has the wrong type.");
        }
        if (cause instanceof JacksonException) {
            return Problems.invalidParameter("body", "The request body is not a valid JSON object of this request.");
        }
        return Problems.invalidParameter("body", "The request body is missing or unreadable.");
    }

    private static String field(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        return path.isEmpty() ? null : path.getFirst().getPropertyName();
    }
}
