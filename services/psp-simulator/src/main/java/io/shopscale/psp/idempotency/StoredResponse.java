package io.shopscale.psp.idempotency;

/**
 * A response exactly as first sent, kept under its idempotency key to be sent again byte for byte.
 *
 * @param body the serialized JSON, kept as text so that a replay cannot differ from the original
 */
public record StoredResponse(int status, String contentType, String body) {
}
