package io.shopscale.orders.checkout;

import java.util.List;
import java.util.Map;

/** The catalog's prices, as checkout charges them. */
public interface PriceList {

    /**
     * The current price of each SKU the catalog knows; unknown SKUs are absent from the answer.
     *
     * @throws CollaboratorUnavailableException when a price must be asked of the catalog and it cannot answer now
     */
    Map<String, Price> prices(List<String> skus);
}
