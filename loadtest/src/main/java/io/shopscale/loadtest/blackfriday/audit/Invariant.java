package io.shopscale.loadtest.blackfriday.audit;

import java.util.List;

/** The business rules a run must leave intact, by the name the report uses. */
public enum Invariant {

    NO_OVERSELL("no-oversell", "no SKU ends with available < 0 or reserved + sold above its units at the start"),
    STOCK_CONSERVED("stock-conserved", "per SKU, available + reserved + sold is the same after the run as before"),
    ACCEPTED_ORDERS_FINAL("accepted-orders-final",
            "every order answered 202 is stored and ends CONFIRMED or CANCELLED"),
    ONE_CHARGE_PER_ORDER("one-charge-per-order", "no order has more than one succeeded charge"),
    CONFIRMED_ORDERS_PAID("confirmed-orders-paid", "every CONFIRMED order has a succeeded charge"),
    CHARGES_HAVE_CONFIRMED_ORDERS("charges-have-confirmed-orders",
            "every succeeded charge belongs to a CONFIRMED order"),
    IDEMPOTENT_RESENDS("idempotent-resends",
            "a checkout resent with the same Idempotency-Key is never answered with a second order (seen in the "
                    + "answers)");

    private final String label;
    private final String rule;

    Invariant(String label, String rule) {
        this.label = label;
        this.rule = rule;
    }

    public String label() {
        return label;
    }

    public String rule() {
        return rule;
    }

    Check judged(List<String> violations, long count, String detail) {
        return new Check(label, rule, count == 0 ? Check.Status.PASS : Check.Status.FAIL, count, detail, violations);
    }

    Check withStatus(Check.Status status, long count, String detail, List<String> violations) {
        return new Check(label, rule, status, count, detail, violations);
    }
}
