package io.shopscale.cart.cart;

import io.shopscale.platform.web.InvalidParameterException;
import java.util.regex.Pattern;

/**
 * A stock-keeping unit as the cart accepts it. The cart does not ask the catalog whether it exists (that would
 * make the cart depend on another service); it only keeps out what can never be a SKU, so nothing odd reaches a
 * Redis field name. Catalog SKUs such as {@code LMP-00042} fit.
 */
record Sku(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    Sku {
        if (value == null || !FORMAT.matcher(value).matches()) {
            // The offending value is not echoed: it may be huge or not printable.
            throw new InvalidParameterException("sku",
                    "'sku' must be 2 to 32 characters: capital letters, digits and hyphens, starting with a letter "
                            + "or digit.");
        }
    }
}
