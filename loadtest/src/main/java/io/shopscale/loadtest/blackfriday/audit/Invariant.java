package io.shopscale.loadtest.blackfriday.audit;

import java.util.List;

/** The business rules a run must leave intact, by the name the report uses, in the order it lists them. */
public enum Invariant {

    NO_OVERSELL("no-oversell", "no SKU ends with available < 0 or reserved + sold above its units at the start"),
    STOCK_CONSERVED("stock-conserved", "per SKU, available + reserved + sold is the same after the run as before"),
    UNITS_SOLD_MATCH_ORDERS("units-sold-match-orders",
            "per SKU, the units sold during the run equal the quantities of the orders confirmed during it"),
    RESERVATIONS_SETTLED("reservations-settled", "no reservation of the run is still RESERVED once it has settled"),
    RESERVATIONS_MATCH_ORDERS("reservations-match-orders",
            "every CONFIRMED order has a CONFIRMED reservation, and every CONFIRMED reservation a CONFIRMED order"),
    ACCEPTED_ORDERS_FINAL("accepted-orders-final",
            "every order answered 202 is stored and ends CONFIRMED or CANCELLED"),
    ORDERS_FINAL("orders-final",
            "every order of the run, answered to a client or not, ends CONFIRMED or CANCELLED once it has settled"),
    ONE_CHARGE_PER_ORDER("one-charge-per-order",
            "no order has more than one succeeded charge at the provider, nor an extra charge payment found and did "
                    + "not refund"),
    CONFIRMED_ORDERS_PAID("confirmed-orders-paid", "every CONFIRMED order has a succeeded charge"),
    CHARGES_HAVE_CONFIRMED_ORDERS("charges-have-confirmed-orders",
            "every succeeded charge belongs to a CONFIRMED order"),
    CHARGES_MATCH_ORDERS("charges-match-orders",
            "every charge at the provider is for its order's total, in its order's currency"),
    PAYMENTS_MATCH_PROVIDER("payments-match-provider",
            "payment's records and the provider's ledger name the same charges, and the same ones refunded"),
    PAYMENTS_SETTLED("payments-settled",
            "no payment is still PENDING or REFUNDING (a charge in doubt, a refund owed) once the run has settled"),
    REFUNDED_DOUBLE_CHARGES("refunded-double-charges",
            "an order charged more than once whose extra charges were refunded is an incident, reported, not a "
                    + "failure (unrefunded, it fails one-charge-per-order)"),
    IDEMPOTENT_RESENDS("idempotent-resends",
            "a checkout resent with the same Idempotency-Key is never answered with a second order (seen in the "
                    + "answers)"),
    ORDERS_MATCH_KEYS("orders-match-idempotency-keys",
            "per shopper, the orders stored are exactly those of the Idempotency-Keys answered 202"),
    NO_UNINTENDED_5XX("no-unintended-5xx",
            "no request was answered 5xx unless the scenario meant it (with --allow-5xx: a 503 with Retry-After)");

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
