package io.shopscale.orders.checkout;

import io.shopscale.orders.idempotency.IdempotencyKey;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/orders}: 202 with the order's location once stock is reserved and the order stored. A retry with
 * the same {@code Idempotency-Key} gets the first answer again, marked with {@code Idempotent-Replayed: true}.
 */
@RestController
class CheckoutController {

    static final String REPLAYED = "Idempotent-Replayed";

    private final Checkout checkout;

    CheckoutController(Checkout checkout) {
        this.checkout = checkout;
    }

    @PostMapping(path = "/api/orders")
    ResponseEntity<String> place(@AuthenticationPrincipal Jwt caller,
                                 @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
                                 @RequestBody CheckoutRequest request) {
        IdempotencyKey idempotencyKey = new IdempotencyKey(key);
        CheckoutResult result = checkout.place(caller.getSubject(), idempotencyKey, request.toCommand());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(result.status())
                .header(REPLAYED, Boolean.toString(result.replayed()));
        if (result.accepted()) {
            response.location(URI.create("/api/orders/" + result.orderId()))
                    .contentType(MediaType.APPLICATION_JSON);
        } else {
            response.contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").body(result.body());
    }
}
