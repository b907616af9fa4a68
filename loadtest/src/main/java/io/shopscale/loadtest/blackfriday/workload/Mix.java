package io.shopscale.loadtest.blackfriday.workload;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How arrivals split between actions, in weights. Browsing dominates, as it does in a shop; checkouts are the
 * expensive tail. During a flash sale part of the traffic goes for the hot SKUs: their pages, their stock, and
 * checkouts of one unit each.
 *
 * @param hotBrowsing share of product pages and stock checks that look at a hot SKU
 */
public record Mix(Map<Action, Integer> weights, double hotBrowsing) {

    public static final Mix REGULAR = new Mix(weights(35, 25, 10, 12, 8, 10, 0), 0);
    public static final Mix FLASH_SALE = new Mix(weights(20, 20, 15, 10, 5, 10, 20), 0.5);
    /** Mostly checkouts, for fault drills: what must survive a fault is the order, so most arrivals place one. */
    public static final Mix CHECKOUT_HEAVY = new Mix(weights(10, 10, 5, 10, 5, 60, 0), 0);

    public Mix {
        weights = Map.copyOf(weights);
        if (weights.values().stream().anyMatch(w -> w < 0) || total(weights) == 0) {
            throw new IllegalArgumentException("a mix needs non-negative weights and at least one positive");
        }
        if (!(hotBrowsing >= 0 && hotBrowsing <= 1)) {
            throw new IllegalArgumentException("hotBrowsing is a share between 0 and 1");
        }
    }

    public static Mix of(Phase phase) {
        if (phase.mix() != null) {
            return phase.mix();
        }
        return phase.flashSale() ? FLASH_SALE : REGULAR;
    }

    public Action draw(SplittableRandom random) {
        int pick = random.nextInt(total(weights));
        for (Action action : Action.values()) {
            pick -= weights.getOrDefault(action, 0);
            if (pick < 0) {
                return action;
            }
        }
        throw new AssertionError("weights changed under the draw");
    }

    /** The expected share of {@code action} among arrivals. */
    public double share(Action action) {
        return (double) weights.getOrDefault(action, 0) / total(weights);
    }

    private static int total(Map<Action, Integer> weights) {
        return weights.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Map<Action, Integer> weights(int search, int product, int stock, int cartPut, int cartView,
                                                int checkout, int flashCheckout) {
        Map<Action, Integer> map = new EnumMap<>(Action.class);
        map.put(Action.SEARCH, search);
        map.put(Action.PRODUCT, product);
        map.put(Action.STOCK, stock);
        map.put(Action.CART_PUT, cartPut);
        map.put(Action.CART_VIEW, cartView);
        map.put(Action.CHECKOUT, checkout);
        map.put(Action.FLASH_CHECKOUT, flashCheckout);
        return map;
    }
}
