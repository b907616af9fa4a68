package io.shopscale.catalog.product;

import io.shopscale.platform.web.InvalidParameterException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A validated batch lookup by SKU, as checkout asks for the prices of an order's lines. Repeated SKUs count once.
 *
 * @param skus distinct SKUs in the order they were asked for
 */
public record SkuLookup(List<String> skus) {

    static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");

    public SkuLookup {
        skus = List.copyOf(skus);
    }

    /** Reads the repeatable {@code sku} parameter; between one and {@code max} SKUs of the catalog's format. */
    public static SkuLookup of(List<String> values, int max) {
        if (values == null || values.isEmpty()) {
            throw new InvalidParameterException("sku", "'sku' is required: name at least one SKU.");
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            String sku = value == null ? "" : value.strip();
            if (!SKU.matcher(sku).matches()) {
                throw new InvalidParameterException("sku",
                        "'sku' values are upper-case letters, digits and dashes, at most 32 characters.");
            }
            distinct.add(sku);
        }
        if (distinct.size() > max) {
            throw new InvalidParameterException("sku", "'sku' may name at most " + max + " SKUs at once.");
        }
        return new SkuLookup(List.copyOf(distinct));
    }
}
