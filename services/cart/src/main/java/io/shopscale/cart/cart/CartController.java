package io.shopscale.cart.cart;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own cart. The user is the access token's subject; no user id appears in a path, so no request can
 * address another user's cart.
 */
@RestController
@RequestMapping("/api/cart")
class CartController {

    private final CartStore carts;

    CartController(CartStore carts) {
        this.carts = carts;
    }

    @GetMapping
    Cart cart(@AuthenticationPrincipal Jwt caller) {
        return carts.get(caller.getSubject());
    }

    @PutMapping("/items/{sku}")
    Cart setQuantity(@AuthenticationPrincipal Jwt caller, @PathVariable String sku,
                     @Valid @RequestBody QuantityUpdate update) {
        return carts.setQuantity(caller.getSubject(), new Sku(sku), update.quantity());
    }

    @DeleteMapping("/items/{sku}")
    Cart remove(@AuthenticationPrincipal Jwt caller, @PathVariable String sku) {
        return carts.remove(caller.getSubject(), new Sku(sku));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(@AuthenticationPrincipal Jwt caller) {
        carts.clear(caller.getSubject());
    }
}
