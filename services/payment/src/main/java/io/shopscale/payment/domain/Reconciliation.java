package io.shopscale.payment.domain;

import java.util.List;

/** What the provider's list of charges for an order said. */
public sealed interface Reconciliation {

    /** At least one succeeded charge; more than one would mean the order was charged twice. */
    record Charged(List<String> chargeIds) implements Reconciliation {

        public Charged {
            if (chargeIds.isEmpty()) {
                throw new IllegalArgumentException("a found charge has an id");
            }
            chargeIds = List.copyOf(chargeIds);
        }

        public String first() {
            return chargeIds.getFirst();
        }
    }

    /** The provider lists no succeeded charge for the order. */
    record NotCharged() implements Reconciliation {
    }

    /** The list could not be had. */
    record Unreachable(String detail) implements Reconciliation {
    }
}
