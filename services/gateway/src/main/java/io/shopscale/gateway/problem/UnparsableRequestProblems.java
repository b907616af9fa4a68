package io.shopscale.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.shopscale.gateway.requestid.RequestId;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * A request whose URL cannot be parsed at all (a broken percent-escape such as {@code %zz}) never reaches a
 * filter: Spring's Reactor Netty adapter sets 400 and ends the exchange with an empty body. This gives that
 * answer the body every other error of the edge has. It acts only where nothing was written, which after the
 * framework's handler has run is that case alone: every exchange that got as far as a filter is committed by then.
 */
@Component
class UnparsableRequestProblems implements NettyServerCustomizer {

	static final String DETAIL = "The request's URL or headers are not accepted.";

	private final JsonMapper json;

	UnparsableRequestProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public HttpServer apply(HttpServer server) {
		return server.mapHandle((handled, connection) -> handled.then(Mono.defer(() -> explain(connection))));
	}

	private Mono<Void> explain(Connection connection) {
		if (!(connection instanceof HttpServerResponse response) || response.hasSentHeaders()
				|| !HttpResponseStatus.BAD_REQUEST.equals(response.status())) {
			return Mono.empty();
		}
		String requestId = RequestId.generate();
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", Problem.ABOUT_BLANK);
		problem.put("title", HttpStatus.BAD_REQUEST.getReasonPhrase());
		problem.put("status", HttpStatus.BAD_REQUEST.value());
		problem.put("detail", DETAIL);
		problem.put("requestId", requestId);
		byte[] body = this.json.writeValueAsBytes(problem);
		return response.header(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
			.header(HttpHeaderNames.CACHE_CONTROL, "no-store")
			.header(RequestId.HEADER, requestId)
			.header("X-Content-Type-Options", "nosniff")
			.sendByteArray(Mono.just(body))
			.then();
	}

}
