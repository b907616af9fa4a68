package io.shopscale.inventory.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Units delivered: added to what is available, whatever reservations happen meanwhile. */
record Restock(
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
        @Max(value = 1_000_000, message = "must be at most 1000000") Integer quantity) {
}
