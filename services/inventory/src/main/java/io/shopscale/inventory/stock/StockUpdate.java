package io.shopscale.inventory.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** An admin's restock: the new number of available units; reserved and sold units are not touched. */
record StockUpdate(
        @NotNull(message = "is required") @Min(value = 0, message = "must be at least 0")
        @Max(value = 1_000_000, message = "must be at most 1000000") Integer available) {
}
