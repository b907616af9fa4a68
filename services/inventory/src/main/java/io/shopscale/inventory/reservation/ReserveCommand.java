package io.shopscale.inventory.reservation;

import io.shopscale.inventory.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A validated request to reserve stock for an order: lines merged per SKU and sorted by SKU, which is the order
 * in which stock rows are locked.
 *
 * @param orderId the order the reservation belongs to; also its idempotency key
 * @param lines one line per SKU, sorted by SKU
 */
public record ReserveCommand(UUID orderId, List<Line> lines) {

    public static final int MAX_LINES = 100;
    public static final int MAX_QUANTITY = 99;

    // UUID.fromString also takes shortened forms such as "1-2-3-4-5"; only the canonical form names an order.
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public record Line(Sku sku, int quantity) {
    }

    public ReserveCommand {
        lines = List.copyOf(lines);
    }

    /** Validates the caller's order id and lines; throws {@link IllegalArgumentException} saying what is wrong. */
    public static ReserveCommand of(String orderId, List<Map.Entry<String, Integer>> requested) {
        UUID id = orderId(orderId);
        if (requested.isEmpty() || requested.size() > MAX_LINES) {
            throw new IllegalArgumentException("A reservation has 1 to " + MAX_LINES + " lines.");
        }
        Map<Sku, Integer> merged = new TreeMap<>();
        for (Map.Entry<String, Integer> line : requested) {
            if (!Sku.valid(line.getKey())) {
                throw new IllegalArgumentException("'" + abbreviate(line.getKey()) + "' is not a SKU.");
            }
            int quantity = line.getValue();
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                throw new IllegalArgumentException("The quantity of " + line.getKey() + " must be 1 to "
                        + MAX_QUANTITY + ".");
            }
            merged.merge(new Sku(line.getKey()), quantity, Integer::sum);
        }
        List<Line> lines = new ArrayList<>(merged.size());
        merged.forEach((sku, quantity) -> {
            if (quantity > MAX_QUANTITY) {
                throw new IllegalArgumentException("The quantities of " + sku + " add up to " + quantity
                        + "; at most " + MAX_QUANTITY + " may be reserved per SKU.");
            }
            lines.add(new Line(sku, quantity));
        });
        return new ReserveCommand(id, lines);
    }

    public static UUID orderId(String value) {
        if (value == null || !CANONICAL_UUID.matcher(value).matches()) {
            throw new IllegalArgumentException("The order id must be a UUID.");
        }
        return UUID.fromString(value);
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
