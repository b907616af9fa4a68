package io.shopscale.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The database unreachable (no connection within the pool's timeout, or one lost mid-query, which surfaces as a
 * failed commit or rollback) is an outage, not a bug: 503 with {@code Retry-After}, never a 500. Not applied by
 * default: a service whose requests need its database declares one as a bean, with its own words for the outage.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StoreOutageAdvice {

    private static final Logger log = LoggerFactory.getLogger(StoreOutageAdvice.class);

    private final String store;
    private final String detail;

    /**
     * @param store the store as the log names it ("order store")
     * @param detail what the caller is told, such as "Orders are unavailable right now. Try again shortly."
     */
    public StoreOutageAdvice(String store, String detail) {
        this.store = store;
        this.detail = detail;
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class, CannotCreateTransactionException.class,
            TransactionSystemException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e, HttpServletRequest request) {
        log.warn("{} unavailable: {}", store, e.getMessage());
        ProblemDetail problem = Problems.decorate(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                detail), request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }
}
