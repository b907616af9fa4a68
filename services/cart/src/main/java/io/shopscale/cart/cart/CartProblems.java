package io.shopscale.cart.cart;

import io.shopscale.cart.CartProperties;
import io.shopscale.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
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
import tools.jackson.core.JacksonException;

/**
 * The cart's own problems, ahead of the platform's advice (which would make them 500s): a full cart, an
 * unavailable store, and a body that is not the JSON a quantity update needs.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CartProblems {

    static final URI CART_FULL = URI.create("/problems/cart-full");
    static final URI CART_UNAVAILABLE = URI.create("/problems/cart-unavailable");

    private final String retryAfterSeconds;

    CartProblems(CartProperties properties) {
        this.retryAfterSeconds = Long.toString(Math.max(1, properties.retryAfter().toSeconds()));
    }

    /** 409: the request is fine but conflicts with the cart's current state; removing a line makes it succeed. */
    @ExceptionHandler(CartFullException.class)
    ResponseEntity<ProblemDetail> cartFull(CartFullException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(CART_FULL);
        problem.setTitle("Cart full");
        problem.setProperty("maxLines", e.maxLines());
        return answer(problem, request, new HttpHeaders());
    }

    @ExceptionHandler(CartUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(CartUnavailableException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "The cart cannot be reached right now; try again shortly.");
        problem.setType(CART_UNAVAILABLE);
        problem.setTitle("Cart unavailable");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        return answer(problem, request, headers);
    }

    /** Names the field when the JSON was well-formed but a value had the wrong type; never echoes the input. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        String field = fieldOf(e);
        ProblemDetail problem = field == null
                ? Problems.invalidParameter("body", "The body must be a JSON object such as {\"quantity\": 2}.")
                : Problems.invalidParameter(field, "'" + field + "' must be a whole number between 1 and 99.");
        return answer(problem, request, new HttpHeaders());
    }

    private static String fieldOf(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                List<JacksonException.Reference> path = json.getPath();
                if (path.size() == 1 && "quantity".equals(path.getFirst().getPropertyName())) {
                    return "quantity";
                }
                return null;
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
