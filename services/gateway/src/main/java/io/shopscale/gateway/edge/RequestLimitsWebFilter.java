package io.shopscale.gateway.edge;

import io.shopscale.gateway.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Turns away request bodies the services would reject anyway, before they cost a token check, a rate-limit
 * round trip or a backend connection:
 * <ul>
 * <li>larger than {@code shopscale.gateway.requests.max-body-size}: 413. A declared {@code Content-Length} is
 * checked up front; a chunked body is counted as it streams through and cut off at the limit.</li>
 * <li>a body sent with POST, PUT or PATCH to {@code /api/**} that is not {@code application/json} (any
 * parameters, such as a charset, allowed): 415. A write without a body needs no content type.</li>
 * </ul>
 * Requests without a body pass after two header lookups.
 */
@Component
@EnableConfigurationProperties(RequestSettings.class)
class RequestLimitsWebFilter implements WebFilter, Ordered {

	private final long maxBodyBytes;

	private final String tooLarge;

	RequestLimitsWebFilter(RequestSettings settings) {
		this.maxBodyBytes = settings.maxBodySize().toBytes();
		this.tooLarge = "The request body is larger than the " + settings.maxBodySize().toBytes() + " bytes allowed.";
	}

	@Override
	public int getOrder() {
		// Before Spring Security's filter chain (-100): a body that cannot pass costs no token check.
		return Ordered.HIGHEST_PRECEDENCE + 3;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders headers = request.getHeaders();
		long length = headers.getContentLength();
		boolean streamed = length < 0 && headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
		if (length <= 0 && !streamed) {
			return chain.filter(exchange);
		}
		if (length > this.maxBodyBytes) {
			return Mono.error(new ProblemException(HttpStatus.CONTENT_TOO_LARGE, this.tooLarge));
		}
		if (mustBeJson(request) && !isJson(headers)) {
			return Mono.error(new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Send the request body as application/json."));
		}
		if (!streamed) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(new CountedBody(request)).build());
	}

	private static boolean mustBeJson(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		return (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)
				&& request.getPath().pathWithinApplication().value().startsWith("/api/");
	}

	private static boolean isJson(HttpHeaders headers) {
		String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		if (contentType == null) {
			return false;
		}
		try {
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/** A chunked body whose size is only known as it arrives: fails with 413 once it passes the limit. */
	private final class CountedBody extends ServerHttpRequestDecorator {

		CountedBody(ServerHttpRequest delegate) {
			super(delegate);
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> {
				long[] seen = { 0 };
				return super.getBody().handle((buffer, sink) -> {
					seen[0] += buffer.readableByteCount();
					if (seen[0] > RequestLimitsWebFilter.this.maxBodyBytes) {
						DataBufferUtils.release(buffer);
						sink.error(new ProblemException(HttpStatus.CONTENT_TOO_LARGE, RequestLimitsWebFilter.this.tooLarge));
						return;
					}
					sink.next(buffer);
				});
			});
		}

	}

}
