package io.shopscale.gateway.admission;

import java.util.Optional;

import io.shopscale.gateway.problem.FailureStatus;
import io.shopscale.gateway.problem.ProblemException;
import io.shopscale.platform.admission.AdmissionControl;
import io.shopscale.platform.admission.RequestPriorities;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The edge's admission control: a request gets a slot of the gateway's adaptive concurrency limit, by priority,
 * before it costs a token check, a rate-limit round trip or a backend connection; without one it is answered 429
 * with {@code Retry-After} at once. The slot is held until the answer is complete, so the limit follows the latency
 * of the whole platform behind the gateway, and shrinks when that climbs.
 */
class AdmissionWebFilter implements WebFilter, Ordered {

	private final AdmissionControl admission;

	private final HttpHeaders refusalHeaders;

	AdmissionWebFilter(AdmissionControl admission) {
		this.admission = admission;
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(admission.retryAfterSeconds()));
		this.refusalHeaders = HttpHeaders.readOnlyHttpHeaders(headers);
	}

	@Override
	public int getOrder() {
		// After the request id (so that a refusal carries one) and the security headers; before the body checks,
		// Spring Security (-100) and the routes.
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!RequestPriorities.isAdmitted(path)) {
			return chain.filter(exchange);
		}
		Optional<AdmissionControl.Permit> permit = this.admission
			.tryAdmit(RequestPriorities.of(exchange.getRequest().getMethod().name(), path));
		if (permit.isEmpty()) {
			return Mono.error(new ProblemException(HttpStatus.TOO_MANY_REQUESTS, this.admission.refusalDetail(),
					this.refusalHeaders));
		}
		AdmissionControl.Permit slot = permit.get();
		return chain.filter(exchange)
			.doOnSuccess(done -> slot.closeWith(statusOf(exchange)))
			.doOnError(error -> slot.closeWith(FailureStatus.of(error)))
			// The client went away: its request says nothing about how fast the platform answers.
			.doOnCancel(slot::ignored);
	}

	private static int statusOf(ServerWebExchange exchange) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		return (status != null) ? status.value() : 200;
	}

}
