package io.shopscale.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a failure while proxying means to the caller: the status and a detail that is safe to show. Never
 * the exception's own message for a server error, which may name hosts, ports or classes.
 */
record Failure(HttpStatus status, String detail) {

	private static final int MAX_CAUSES = 16;

	static Failure of(Throwable error) {
		Throwable current = error;
		for (int depth = 0; current != null && depth < MAX_CAUSES; depth++, current = current.getCause()) {
			Failure failure = classify(current);
			if (failure != null) {
				return failure;
			}
		}
		return unexpected();
	}

	private static @Nullable Failure classify(Throwable error) {
		// Raised by the gateway's own checks, with a detail written to be shown, whatever the status.
		if (error instanceof ProblemException problem) {
			return new Failure(HttpStatus.valueOf(problem.getStatusCode().value()), problem.detail());
		}
		if (error instanceof ResponseStatusException statusError) {
			return fromStatus(statusError);
		}
		if (error instanceof ConnectTimeoutException) {
			return new Failure(HttpStatus.GATEWAY_TIMEOUT, "The upstream service did not accept a connection in time.");
		}
		// Connection refused or reset, even after the retries on other instances: the instance we were
		// given is broken, which is a bad gateway. 503 is kept for "no instance is known at all", so
		// the two problems stay apart in metrics and alerts.
		if (error instanceof ConnectException) {
			return new Failure(HttpStatus.BAD_GATEWAY, "The upstream service refused the connection.");
		}
		if (error instanceof IOException) {
			return new Failure(HttpStatus.BAD_GATEWAY, "The connection to the upstream service failed.");
		}
		// The gateway's own connection pool is saturated (acquire timeout or too many pending acquires).
		if (error.getClass().getSimpleName().startsWith("PoolAcquire")) {
			return new Failure(HttpStatus.SERVICE_UNAVAILABLE, "The gateway is at capacity; try again shortly.");
		}
		if (error instanceof TimeoutException) {
			return new Failure(HttpStatus.GATEWAY_TIMEOUT, "The upstream service did not answer in time.");
		}
		return null;
	}

	private static Failure fromStatus(ResponseStatusException error) {
		HttpStatusCode code = error.getStatusCode();
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == null) {
			return unexpected();
		}
		return switch (status) {
			case NOT_FOUND -> new Failure(status, "No route matches this path.");
			// Raised by the load balancer when the registry knows no instance of the service.
			case SERVICE_UNAVAILABLE -> new Failure(status, "No instance of the upstream service is available.");
			case GATEWAY_TIMEOUT -> new Failure(status, "The upstream service did not answer in time.");
			default -> status.is4xxClientError()
					? new Failure(status, (error.getReason() != null) ? error.getReason() : status.getReasonPhrase())
					: new Failure(status, "The gateway could not complete the request.");
		};
	}

	private static Failure unexpected() {
		return new Failure(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.");
	}

}
