package io.shopscale.orders.checkout;

import io.shopscale.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Checkout's own failures as problems: key conflicts, and collaborators that cannot answer now (503). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CheckoutExceptionHandler {

    @ExceptionHandler(KeyInFlightException.class)
    ResponseEntity<ProblemDetail> inFlight(KeyInFlightException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), "1", request);
    }

    @ExceptionHandler(KeyReusedException.class)
    ResponseEntity<ProblemDetail> reused(KeyReusedException e, HttpServletRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), null, request);
    }

    @ExceptionHandler(CheckoutBusyException.class)
    ResponseEntity<ProblemDetail> busy(CheckoutBusyException e, HttpServletRequest request) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), "1", request);
    }

    @ExceptionHandler(CollaboratorUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(CollaboratorUnavailableException e, HttpServletRequest request) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE,
                "Checkout cannot reach " + e.collaborator() + " right now; nothing was ordered. Try again shortly.",
                "2", request);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String retryAfter,
                                                 HttpServletRequest request) {
        ProblemDetail problem = Problems.decorate(ProblemDetail.forStatusAndDetail(status, detail), request);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.body(problem);
    }
}
