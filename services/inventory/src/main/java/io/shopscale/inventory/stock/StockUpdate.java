package io.shopscale.inventory.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * An admin's absolute update: the new number of available units, applied only if the SKU is still at
 * {@code version} (as read with GET; 0 creates a SKU that is not stocked yet). Reserved and sold units are not
 * touched.
 */
record StockUpdate(
        @NotNull(message = "is required") @Min(value = 0, message = "must be at least 0")
        @Max(value = 1_000_000, message = "must be at most 1000000") Integer available,
        @NotNull(message = "is required: the version the new value is based on, as read with GET (0 for a new SKU)")
        @Min(value = 0, message = "must be at least 0") Long version) {
}
