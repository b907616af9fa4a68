package io.shopscale.orders.checkout;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.shopscale.platform.web.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/orders}. Anything else a client sends (prices, totals, user ids) is ignored and never
 * bound. Quantities are boxed so that a missing one is told apart from zero.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CheckoutRequest(List<Item> items) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String sku, Integer quantity) {
    }

    PlaceOrder toCommand() {
        if (items == null) {
            throw new InvalidParameterException("items", "'items' is required.");
        }
        List<RequestedLine> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item != null && item.quantity() == null) {
                throw new InvalidParameterException("items[" + i + "].quantity",
                        "'items[" + i + "].quantity' is required.");
            }
            lines.add(item == null ? null : new RequestedLine(item.sku(), item.quantity()));
        }
        return new PlaceOrder(lines);
    }
}
