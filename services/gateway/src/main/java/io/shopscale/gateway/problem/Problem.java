package io.shopscale.gateway.problem;

/**
 * An RFC 9457 problem document as the gateway writes it. The type stays {@code about:blank}: the status
 * says what happened, and there is no page of our own to point at.
 */
record Problem(String type, String title, int status, String detail, String instance, String requestId) {

	static final String ABOUT_BLANK = "about:blank";

}
