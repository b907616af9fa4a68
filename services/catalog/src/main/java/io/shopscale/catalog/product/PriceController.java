package io.shopscale.catalog.product;

import io.shopscale.platform.web.InvalidParameterException;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Price administration (ADMIN, through the platform's security for {@code /api/admin/**}). */
@RestController
class PriceController {

    private final PriceChanges prices;

    PriceController(PriceChanges prices) {
        this.prices = prices;
    }

    /** Sets a product's price; answers the product as it is now, with its new price version. */
    @PutMapping("/api/admin/products/{sku}/price")
    Product change(@PathVariable String sku, @Valid @RequestBody PriceChange change) {
        if (!SkuLookup.SKU.matcher(sku).matches()) {
            throw new InvalidParameterException("sku",
                    "'sku' must be upper-case letters, digits and dashes, at most 32 characters.");
        }
        return prices.change(sku, change.money());
    }
}
