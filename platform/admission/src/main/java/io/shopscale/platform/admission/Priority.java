package io.shopscale.platform.admission;

/**
 * How much a request matters to the shop when there is not room for all of them. Each class is guaranteed its share
 * of the concurrency limit once the limit is reached; below the limit every class may use any free slot.
 */
public enum Priority {

    /** Checkout, order status, signing in: the requests that are the sale, or that a shopper waits on after paying. */
    CRITICAL(0.5),

    /** Product pages, stock checks and the cart: the way to a sale, cheap to retry a second later. */
    STANDARD(0.3),

    /** Search and listings: the most requests, the first to wait when the shop is full. */
    SHEDDABLE(0.2);

    private final double share;

    Priority(double share) {
        this.share = share;
    }

    /** The part of the limit this class keeps for itself once the limit is reached. */
    public double share() {
        return share;
    }
}
