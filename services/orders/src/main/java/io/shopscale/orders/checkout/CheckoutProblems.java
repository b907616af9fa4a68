package io.shopscale.orders.checkout;

import io.shopscale.orders.checkout.StockReservations.Shortage;
import io.shopscale.platform.web.Problems;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problem documents checkout stores and replays; built outside MVC's advice because they are kept. */
final class CheckoutProblems {

    static final URI OUT_OF_STOCK = URI.create("/problems/out-of-stock");
    static final URI UNKNOWN_SKU = URI.create("/problems/unknown-sku");
    static final URI MIXED_CURRENCIES = URI.create("/problems/mixed-currencies");
    static final URI INSTANCE = URI.create("/api/orders");

    private CheckoutProblems() {
    }

    static ProblemDetail outOfStock(List<Shortage> shortages) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, shortages.isEmpty()
                ? "Some items are not stocked; nothing was reserved and no order was placed."
                : "Not enough stock for some items; nothing was reserved and no order was placed.");
        problem.setType(OUT_OF_STOCK);
        problem.setTitle("Out of stock");
        problem.setProperty("shortages", shortages);
        return decorate(problem);
    }

    static ProblemDetail unknownSkus(List<String> skus) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The catalog has no product with SKU " + String.join(", ", skus) + ".");
        problem.setType(UNKNOWN_SKU);
        problem.setTitle("Unknown SKU");
        problem.setProperty("skus", skus);
        return decorate(problem);
    }

    static ProblemDetail mixedCurrencies() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The items are priced in different currencies; place one order per currency.");
        problem.setType(MIXED_CURRENCIES);
        problem.setTitle("Mixed currencies");
        return decorate(problem);
    }

    private static ProblemDetail decorate(ProblemDetail problem) {
        problem.setInstance(INSTANCE);
        return Problems.decorate(problem, null);
    }
}
