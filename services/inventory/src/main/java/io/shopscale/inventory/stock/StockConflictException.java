package io.shopscale.inventory.stock;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An absolute update based on a version the SKU has moved past: 409, with the current level to decide again on. */
class StockConflictException extends ErrorResponseException {

    StockConflictException(StockLevel current) {
        super(HttpStatus.CONFLICT, problem(current), null);
    }

    private static ProblemDetail problem(StockLevel current) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The stock of " + current.sku()
                + " changed since it was read (now at version " + current.version() + "); nothing was written."
                + " Read it again and decide on the current numbers.");
        problem.setProperty("current", Map.of("available", current.available(), "reserved", current.reserved(),
                "sold", current.sold(), "version", current.version()));
        return problem;
    }
}
