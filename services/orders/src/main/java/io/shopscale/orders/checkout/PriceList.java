package io.shopscale.orders.checkout;

import java.util.List;
import java.util.Map;

/** The catalog's authoritative prices. */
public interface PriceList {

    /**
     * The current price of each SKU the catalog knows; unknown SKUs are absent from the answer.
     *
     * @throws CollaboratorUnavailableException when the catalog cannot answer now
     */
    Map<String, Price> prices(List<String> skus);
}
