package io.shopscale.gateway.problem;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request the gateway itself turns away (401, 403, 413, 415, 429, or 503 when a dependency of the edge is
 * down): the status, a detail that is safe to show, and the headers that belong to the answer. Signalled as an
 * error so that {@link ProblemWebExceptionHandler} writes it like every other problem.
 * <p>
 * Carries no stack trace: it is an answer, not a bug, and a flood of rejected requests should not pay for one
 * each.
 */
public final class ProblemException extends ResponseStatusException {

	private final HttpHeaders headers;

	public ProblemException(HttpStatus status, String detail) {
		this(status, detail, new HttpHeaders(), null);
	}

	public ProblemException(HttpStatus status, String detail, HttpHeaders headers) {
		this(status, detail, headers, null);
	}

	public ProblemException(HttpStatus status, String detail, HttpHeaders headers, @Nullable Throwable cause) {
		super(status, detail, cause);
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
	}

	/** The detail shown to the caller. */
	public String detail() {
		String reason = getReason();
		return (reason != null) ? reason : HttpStatus.valueOf(getStatusCode().value()).getReasonPhrase();
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
