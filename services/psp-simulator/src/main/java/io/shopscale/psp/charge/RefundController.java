package io.shopscale.psp.charge;

import io.shopscale.platform.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** The provider's refund API, shaped after Stripe's: refund a whole charge, at most once. */
@RestController
@RequestMapping("/v1/refunds")
class RefundController {

    private final RefundProcessing processing;

    RefundController(RefundProcessing processing) {
        this.processing = processing;
    }

    /**
     * 200 with the charge's refund (made now, or before under another key); 404 for an unknown charge; or whatever
     * the first request with this key was answered.
     */
    @PostMapping
    DeferredResult<ResponseEntity<byte[]>> refund(
            @RequestHeader(name = KeyClaims.IDEMPOTENCY_KEY, required = false) String key,
            @Valid @RequestBody RefundRequest request, HttpServletRequest http) {
        return processing.refund(KeyClaims.require(key, "refund attempt"), request,
                URI.create(http.getRequestURI()), (String) http.getAttribute(RequestIds.MDC_KEY));
    }
}
