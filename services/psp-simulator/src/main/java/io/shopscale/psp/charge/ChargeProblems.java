package io.shopscale.psp.charge;

import io.shopscale.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.core.JacksonException;

/**
 * The charge and refund API's own problems, ahead of the platform's advice: idempotency keys in use or reused, and
 * bodies that are not the JSON a charge or refund needs. None is stored under the key, so a corrected request can use
 * it.
 */
@RestControllerAdvice(assignableTypes = {ChargeController.class, RefundController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChargeProblems {

    static final URI KEY_IN_USE = URI.create("/problems/idempotency-key-in-use");
    static final URI KEY_REUSED = URI.create("/problems/idempotency-key-reused");

    private static final String CHARGE_EXAMPLE =
            "{\"amount\": 2499, \"currency\": \"USD\", \"customer\": \"c1\", \"orderRef\": \"o1\"}";
    private static final String REFUND_EXAMPLE = "{\"charge\": \"ch_123\"}";
    private static final Set<String> FIELDS = Set.of("amount", "currency", "customer", "orderRef", "charge");

    /** 409: retryable; the same request gets the first one's answer once that is done (Stripe does the same). */
    @ExceptionHandler(KeyInFlightException.class)
    ResponseEntity<ProblemDetail> inFlight(KeyInFlightException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(KEY_IN_USE);
        problem.setTitle("Idempotency key in use");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return answer(problem, request, headers);
    }

    /** 400: the same key for another request is a client bug; retrying cannot succeed. */
    @ExceptionHandler(KeyReusedException.class)
    ResponseEntity<ProblemDetail> reused(KeyReusedException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.invalidParameter(KeyClaims.IDEMPOTENCY_KEY, e.getMessage());
        problem.setType(KEY_REUSED);
        problem.setTitle("Idempotency key reused");
        return answer(problem, request, new HttpHeaders());
    }

    /** Names the field when the JSON was well-formed but a value had the wrong type; never echoes the input. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request,
                                             HandlerMethod handler) {
        String field = fieldOf(e);
        boolean refund = handler != null && handler.getBeanType() == RefundController.class;
        ProblemDetail problem = field == null
                ? Problems.invalidParameter("body", "The body must be a JSON object such as "
                        + (refund ? REFUND_EXAMPLE : CHARGE_EXAMPLE) + ".")
                : Problems.invalidParameter(field, "'" + field + "' has the wrong type: it must be "
                        + ("amount".equals(field) ? "a whole number." : "a string."));
        return answer(problem, request, new HttpHeaders());
    }

    private static String fieldOf(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                List<JacksonException.Reference> path = json.getPath();
                return !path.isEmpty() && FIELDS.contains(path.getFirst().getPropertyName())
                        ? path.getFirst().getPropertyName() : null;
            }
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpServletRequest request,
                                                        HttpHeaders headers) {
        Problems.decorate(problem, request);
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
