package io.shopscale.orders.checkout;

import io.shopscale.orders.order.Order;
import io.shopscale.orders.order.OrderLine;
import io.shopscale.platform.web.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated checkout request. Invalid input is rejected here, naming the offending field, before any key is
 * claimed or collaborator called.
 */
public record PlaceOrder(List<RequestedLine> lines) {

    /** The catalog's SKU format. */
    static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");

    public PlaceOrder {
        if (lines == null || lines.isEmpty() || lines.size() > Order.MAX_LINES) {
            throw new InvalidParameterException("items",
                    "'items' must hold between 1 and " + Order.MAX_LINES + " lines.");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            RequestedLine line = lines.get(i);
            String field = "items[" + i + "]";
            if (line == null) {
                throw new InvalidParameterException(field, "'" + field + "' must be an object with sku and quantity.");
            }
            if (line.sku() == null || !SKU.matcher(line.sku()).matches()) {
                throw new InvalidParameterException(field + ".sku", "'" + field
                        + ".sku' must be a SKU: upper-case letters, digits and dashes, at most 32 characters.");
            }
            if (line.quantity() < 1 || line.quantity() > OrderLine.MAX_QUANTITY) {
                throw new InvalidParameterException(field + ".quantity",
                        "'" + field + ".quantity' must be between 1 and " + OrderLine.MAX_QUANTITY + ".");
            }
            if (!seen.add(line.sku())) {
                throw new InvalidParameterException(field + ".sku", "SKU " + line.sku()
                        + " appears more than once; send one line with the total quantity.");
            }
        }
        lines = List.copyOf(lines);
    }

    public List<String> skus() {
        return lines.stream().map(RequestedLine::sku).toList();
    }

    /**
     * Identifies the request for idempotency: the lines in SKU order, so the same order with its lines listed
     * differently is the same request. Fields the service ignores play no part.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder("v1");
        lines.stream().sorted(Comparator.comparing(RequestedLine::sku))
                .forEach(line -> canonical.append('\n').append(line.sku()).append('*').append(line.quantity()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
