package io.shopscale.gateway.security;

import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The requests anyone may make without a token. Everything else needs one; {@code /api/admin/**} needs the
 * ADMIN role. HEAD goes wherever GET goes. Matching is synchronous and allocation-free, because it runs on
 * every request.
 */
final class PublicEndpoints {

	private static final Set<HttpMethod> READ = Set.of(HttpMethod.GET, HttpMethod.HEAD);

	private static final Set<HttpMethod> WRITE = Set.of(HttpMethod.POST);

	private static final List<Rule> RULES = List.of(
			// "/**" also matches the path without it: /api/products and /actuator/health themselves.
			new Rule(READ, "/api/products/**"),
			new Rule(READ, "/api/inventory/**"),
			new Rule(WRITE, "/api/auth/register"),
			new Rule(WRITE, "/api/auth/login"),
			new Rule(READ, "/.well-known/jwks.json"),
			new Rule(READ, "/actuator/health/**"),
			new Rule(READ, "/actuator/prometheus"),
			new Rule(READ, "/actuator/info"));

	private static final Mono<MatchResult> MATCH = MatchResult.match();

	private static final Mono<MatchResult> NO_MATCH = MatchResult.notMatch();

	private PublicEndpoints() {
	}

	static boolean matches(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		PathContainer path = request.getPath().pathWithinApplication();
		for (Rule rule : RULES) {
			if (rule.methods().contains(method) && rule.pattern().matches(path)) {
				return true;
			}
		}
		return false;
	}

	/** Public requests, with or without a token. */
	static ServerWebExchangeMatcher matcher() {
		return exchange -> matches(exchange.getRequest()) ? MATCH : NO_MATCH;
	}

	/**
	 * Requests that need the security filter chain at all. A public request without an {@code Authorization}
	 * header has nothing to check, so it skips the chain entirely: no token parsing, no security context, no
	 * authorization decision. A public request that does carry a token goes through, so that a bad token is still
	 * answered 401 and a good one counts against its user's rate limit rather than its address's.
	 */
	static ServerWebExchangeMatcher needingSecurity() {
		return exchange -> {
			ServerHttpRequest request = exchange.getRequest();
			boolean skip = !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION) && matches(request);
			return skip ? NO_MATCH : MATCH;
		};
	}

	private record Rule(Set<HttpMethod> methods, PathPattern pattern) {

		Rule(Set<HttpMethod> methods, String pattern) {
			this(methods, PathPatternParser.defaultInstance.parse(pattern));
		}

	}

}
