package io.shopscale.gateway.requestid;

import java.util.List;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@value RequestId#HEADER}: forwarded to the backend, returned to the caller and
 * put in the log context. A web filter rather than a gateway global filter, so that requests that match
 * no route (404) and errors raised before routing carry the id too.
 */
@Component
class RequestIdWebFilter implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		List<String> incoming = exchange.getRequest().getHeaders().get(RequestId.HEADER);
		boolean keep = RequestId.isAcceptable(incoming);
		String id = keep ? incoming.getFirst() : RequestId.generate();
		exchange.getAttributes().put(RequestId.ATTRIBUTE, id);

		// Set at commit time so that it replaces whatever the backend echoed, and so that error responses,
		// which clear the headers, still carry it.
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			response.getHeaders().set(RequestId.HEADER, id);
			return Mono.empty();
		});

		ServerWebExchange forwarded = keep ? exchange
				: exchange.mutate().request(request -> request.headers(headers -> headers.set(RequestId.HEADER, id)))
					.build();
		return chain.filter(forwarded).contextWrite(Context.of(RequestId.MDC_KEY, id));
	}

}
