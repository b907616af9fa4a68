package io.shopscale.gateway.security;

import io.shopscale.gateway.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Security's answers, as the gateway's problems: 401 with {@code WWW-Authenticate: Bearer} (RFC 6750
 * §3) when a token is missing or bad, 403 when it is good but not enough. They are signalled as
 * {@link ProblemException}s so that the one problem handler writes them like every other problem: same fields,
 * request id, {@code Cache-Control: no-store}.
 * <p>
 * Why a token was refused (expired, wrong audience, bad signature, ...) is logged at debug level, not told to
 * the caller: the detail would help someone probing the checks more than a client, which only needs to know to
 * get a new token.
 */
final class BearerProblems implements ServerAuthenticationEntryPoint, ServerAuthenticationFailureHandler,
		ServerAccessDeniedHandler {

	private static final Logger log = LoggerFactory.getLogger(BearerProblems.class);

	/** No token at all: a bare challenge, without an error code (RFC 6750 §3.1). */
	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		return Mono.error(problem(HttpStatus.UNAUTHORIZED, "This request needs a bearer token.", "Bearer"));
	}

	/** A token was sent and failed: malformed, forged, expired, for someone else, or naming an unknown key. */
	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException ex) {
		if (log.isDebugEnabled()) {
			log.debug("Refused a bearer token on {}: {}", exchange.getExchange().getRequest().getPath(), ex.getMessage());
		}
		return Mono.error(problem(HttpStatus.UNAUTHORIZED, "The bearer token is invalid or has expired.",
				"Bearer error=\"invalid_token\""));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return Mono.error(problem(HttpStatus.FORBIDDEN, "The bearer token does not grant access to this resource.",
				"Bearer error=\"insufficient_scope\""));
	}

	private static ProblemException problem(HttpStatus status, String detail, String challenge) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
		return new ProblemException(status, detail, headers);
	}

}
