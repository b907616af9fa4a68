package io.shopscale.payment.provider;

import io.shopscale.payment.domain.ChargeOutcome;
import io.shopscale.payment.domain.Reconciliation;
import io.shopscale.payment.domain.RefundOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What the provider's answers mean for the money, for retries and for the circuit breaker. Only answers that leave
 * the same key worth asking again are retryable: 402 and 400 are final and a 500 spends the key. The breaker counts
 * what says the provider is in trouble, not its refusals of a card or a request, nor a 409 (our own duplicate still
 * in flight).
 */
final class ProviderAnswers {

    private ProviderAnswers() {
    }

    static Classified<ChargeOutcome> charge(int status, JsonNode body) {
        String code = code(body);
        return switch (status) {
            case 200, 201 -> {
                String id = text(body, "id");
                if (id != null && !id.isBlank() && "succeeded".equals(text(body, "status"))) {
                    yield Classified.success(new ChargeOutcome.Charged(id), "succeeded", status);
                }
                yield Classified.failure(new ChargeOutcome.Unknown("unreadable charge answer"), "unreadable", status,
                        true, true);
            }
            case 402 -> Classified.success(new ChargeOutcome.Declined(code == null ? "declined" : code), "declined",
                    status);
            case 400, 422 -> Classified.success(new ChargeOutcome.Rejected(code == null ? "invalid_request" : code),
                    "rejected", status);
            case 409 -> Classified.failure(new ChargeOutcome.Unknown("the same key is still in flight"),
                    "in_flight", status, true, false);
            case 429 -> Classified.failure(new ChargeOutcome.NotSent("throttled"), "throttled", status, true, true);
            case 500 -> Classified.failure(new ChargeOutcome.KeySpent("provider error"), "provider_error", status,
                    false, true);
            default -> status >= 500
                    ? Classified.failure(new ChargeOutcome.Unknown("provider unavailable (" + status + ")"),
                            "unavailable", status, true, true)
                    // 401, 403, 404...: the provider would not take the request at all; nothing was charged.
                    : Classified.failure(new ChargeOutcome.NotSent("provider refused the request (" + status + ")"),
                            "refused", status, false, true);
        };
    }

    /**
     * What a refund request came to. Only a 200 with the refund confirms it. 400, 404 (no such charge) and 422 are
     * the provider's considered refusal and count neither as a failure of the provider nor as worth asking again
     * within the go. Everything else leaves the refund unconfirmed and is asked again under the same key, which the
     * provider answers with the charge's one refund; a 500 too, since nothing was refunded.
     */
    static Classified<RefundOutcome> refund(int status, JsonNode body) {
        String code = code(body);
        return switch (status) {
            case 200, 201 -> {
                String id = text(body, "id");
                if (id != null && !id.isBlank() && "succeeded".equals(text(body, "status"))) {
                    yield Classified.success(new RefundOutcome.Refunded(id), "refunded", status);
                }
                yield Classified.failure(new RefundOutcome.Unconfirmed("unreadable refund answer"), "unreadable",
                        status, true, true);
            }
            case 404 -> Classified.success(new RefundOutcome.Refused(code == null ? "unknown_charge" : code),
                    "unknown_charge", status);
            case 400, 422 -> Classified.success(new RefundOutcome.Refused(code == null ? "invalid_request" : code),
                    "rejected", status);
            case 409 -> Classified.failure(new RefundOutcome.Unconfirmed("the same key is still in flight"),
                    "in_flight", status, true, false);
            case 429 -> Classified.failure(new RefundOutcome.Unconfirmed("throttled"), "throttled", status, true,
                    true);
            case 500 -> Classified.failure(new RefundOutcome.Unconfirmed("provider error"), "provider_error", status,
                    true, true);
            default -> status >= 500
                    ? Classified.failure(new RefundOutcome.Unconfirmed("provider unavailable (" + status + ")"),
                            "unavailable", status, true, true)
                    : Classified.failure(new RefundOutcome.Unconfirmed("provider refused the request (" + status
                            + ")"), "refused", status, false, true);
        };
    }

    /** The order's succeeded charges from the provider's list; any other answer means the list is unavailable. */
    static Classified<Reconciliation> lookUp(UUID orderId, int status, JsonNode body) {
        if (status != 200 || body == null || !body.isArray()) {
            return Classified.failure(new Reconciliation.Unreachable("charge list unavailable (" + status + ")"),
                    "unavailable", status, true, true);
        }
        List<String> succeeded = new ArrayList<>();
        for (JsonNode charge : body) {
            String id = text(charge, "id");
            if ("succeeded".equals(text(charge, "status")) && id != null
                    && orderId.toString().equals(text(charge, "orderRef"))) {
                succeeded.add(id);
            }
        }
        return succeeded.isEmpty()
                ? Classified.success(new Reconciliation.NotCharged(), "no_charge", status)
                : Classified.success(new Reconciliation.Charged(succeeded), "charge_found", status);
    }

    /** The provider's {@code code}, or else the last segment of a problem document's {@code type}. */
    private static String code(JsonNode body) {
        String code = text(body, "code");
        if (code != null && !code.isBlank()) {
            return code;
        }
        String type = text(body, "type");
        if (type == null || type.isBlank() || type.endsWith("/") || "about:blank".equals(type)) {
            return null;
        }
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    /**
     * An answer before its duration is known.
     *
     * @param retryable worth asking again with the same key
     * @param providerFailed counts against the provider in the circuit breaker
     */
    record Classified<T>(T result, String outcome, Integer httpStatus, String error, boolean retryable,
            boolean providerFailed) {

        static <T> Classified<T> success(T result, String outcome, int status) {
            return new Classified<>(result, outcome, status, null, false, false);
        }

        static <T> Classified<T> failure(T result, String outcome, Integer status, boolean retryable,
                                         boolean providerFailed) {
            return new Classified<>(result, outcome, status, describe(result), retryable, providerFailed);
        }

        ProviderAnswer<T> took(Duration took) {
            return new ProviderAnswer<>(result, outcome, httpStatus, took, error, retryable, providerFailed);
        }

        private static String describe(Object result) {
            return switch (result) {
                case ChargeOutcome.Unknown unknown -> unknown.detail();
                case ChargeOutcome.NotSent notSent -> notSent.detail();
                case ChargeOutcome.KeySpent spent -> spent.detail();
                case Reconciliation.Unreachable unreachable -> unreachable.detail();
                case RefundOutcome.Unconfirmed unconfirmed -> unconfirmed.detail();
                default -> String.valueOf(result);
            };
        }
    }
}
