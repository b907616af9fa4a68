package io.shopscale.orders.prices;

import java.util.List;
import java.util.Map;

/** The catalog's current prices, asked for over the network: the read model's fallback for SKUs it has not seen. */
public interface CatalogPrices {

    /**
     * The current price and price version of each SKU the catalog knows; unknown SKUs are absent from the answer.
     *
     * @throws io.shopscale.orders.checkout.CollaboratorUnavailableException when the catalog cannot answer now
     */
    Map<String, VersionedPrice> current(List<String> skus);
}
