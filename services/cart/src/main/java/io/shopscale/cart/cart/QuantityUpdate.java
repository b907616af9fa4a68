package io.shopscale.cart.cart;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /api/cart/items/{sku}}. Unknown fields are ignored: clients may send whole cart items. */
@JsonIgnoreProperties(ignoreUnknown = true)
record QuantityUpdate(
        @NotNull(message = "is required")
        @Min(value = CartItem.MIN_QUANTITY, message = "must be between 1 and 99")
        @Max(value = CartItem.MAX_QUANTITY, message = "must be between 1 and 99")
        Integer quantity) {
}
