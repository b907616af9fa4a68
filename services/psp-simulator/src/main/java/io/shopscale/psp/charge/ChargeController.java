package io.shopscale.psp.charge;

import io.shopscale.platform.web.NotFoundException;
import io.shopscale.platform.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** The provider's charge API, shaped after Stripe's: create a charge, fetch one, list an order's charges. */
@RestController
@RequestMapping("/v1/charges")
class ChargeController {

    private final ChargeProcessing processing;
    private final Charges charges;

    ChargeController(ChargeProcessing processing, Charges charges) {
        this.processing = processing;
        this.charges = charges;
    }

    /** 200 with the charge, 402 declined, or whatever the first request with this key was answered. */
    @PostMapping
    DeferredResult<ResponseEntity<byte[]>> charge(
            @RequestHeader(name = KeyClaims.IDEMPOTENCY_KEY, required = false) String key,
            @Valid @RequestBody ChargeRequest request, HttpServletRequest http) {
        return processing.charge(KeyClaims.require(key, "charge attempt"), request, URI.create(http.getRequestURI()),
                (String) http.getAttribute(RequestIds.MDC_KEY));
    }

    /**
     * Every charge made for the order, oldest first, so a test or an auditor can check it was charged at most once.
     * A plain array: an empty one means the order was never charged.
     */
    @GetMapping
    List<Charge> forOrder(@RequestParam String orderRef) {
        return charges.forOrder(orderRef);
    }

    @GetMapping("/{id}")
    Charge charge(@PathVariable String id) {
        return charges.find(id).orElseThrow(() -> new NotFoundException("There is no charge with this id."));
    }
}
