package io.shopscale.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Browser hardening headers on every answer, the backends' and the gateway's own problems alike. Written at
 * commit time, because the problem handler clears the headers before it writes, and only where the backend has
 * not chosen a value of its own (a page that may be framed, say). Spring Security's header writer is switched
 * off in favour of this one: it also runs on the public reads that skip the security chain, and it never adds
 * {@code Cache-Control: no-cache} to the catalog's cacheable answers.
 * <p>
 * {@code Strict-Transport-Security} is only sent on a connection that is itself TLS: browsers ignore it over
 * plain HTTP (RFC 6797 §8.1), and when TLS ends at a load balancer in front, that is where the header belongs.
 * Caching of problems is handled by the problem handler ({@code no-store} on every 4xx/5xx the edge writes).
 */
@Component
class SecurityHeadersWebFilter implements WebFilter, Ordered {

	static final String HSTS = "Strict-Transport-Security";

	private static final String[][] ALWAYS = { { "X-Content-Type-Options", "nosniff" },
			{ "X-Frame-Options", "DENY" }, { "Content-Security-Policy", "frame-ancestors 'none'" },
			{ "Referrer-Policy", "no-referrer" } };

	private static final String HSTS_VALUE = "max-age=31536000; includeSubDomains";

	@Override
	public int getOrder() {
		// Right after the request id filter, so that everything after it, errors included, gets the headers.
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpResponse response = exchange.getResponse();
		boolean tls = exchange.getRequest().getSslInfo() != null;
		response.beforeCommit(() -> {
			HttpHeaders headers = response.getHeaders();
			for (String[] header : ALWAYS) {
				if (!headers.containsHeader(header[0])) {
					headers.set(header[0], header[1]);
				}
			}
			if (tls && !headers.containsHeader(HSTS)) {
				headers.set(HSTS, HSTS_VALUE);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
