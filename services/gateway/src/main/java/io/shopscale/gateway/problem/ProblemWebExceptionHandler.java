package io.shopscale.gateway.problem;

import io.shopscale.gateway.requestid.RequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every failure the gateway itself raises into {@code application/problem+json}: no stack traces,
 * no HTML, no empty bodies. Responses that come from a backend never pass through here, so a backend's
 * own problem documents reach the caller untouched. Ordered before Boot's default handler, which then
 * backs off.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

	private final JsonMapper json;

	ProblemWebExceptionHandler(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			// Part of the backend's answer is already on the wire; closing the connection is all that is left.
			return Mono.error(error);
		}
		Failure failure = Failure.of(error);
		String requestId = RequestId.of(exchange);
		String path = exchange.getRequest().getPath().value();
		log(failure, error, requestId, exchange);

		Problem problem = new Problem(Problem.ABOUT_BLANK, failure.status().getReasonPhrase(), failure.status().value(),
				failure.detail(), path, requestId);
		byte[] body = this.json.writeValueAsBytes(problem);

		HttpHeaders headers = response.getHeaders();
		// Drop whatever a half-finished proxy attempt left behind (a backend's Content-Length, for one).
		headers.clear();
		if (error instanceof ResponseStatusException statusError) {
			headers.addAll(statusError.getHeaders());
		}
		response.setStatusCode(failure.status());
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setContentLength(body.length);
		headers.setCacheControl(CacheControl.noStore());
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	private void log(Failure failure, Throwable error, String requestId, ServerWebExchange exchange) {
		HttpStatus status = failure.status();
		if (status.is4xxClientError()) {
			// The caller's mistake: counted in the request metrics, not worth a log line each.
			return;
		}
		// This handler runs outside the request's Reactor context, so the id is put in the MDC by hand.
		try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestId.MDC_KEY, requestId)) {
			String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
			if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
				log.error("{} failed unexpectedly", request, error);
			}
			else {
				log.warn("{} answered {}: {}", request, status.value(), error.toString());
			}
		}
	}

}
