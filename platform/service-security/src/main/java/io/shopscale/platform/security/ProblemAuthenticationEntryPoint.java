package io.shopscale.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A missing, malformed, expired or foreign token: RFC 6750's {@code WWW-Authenticate} challenge and a problem+json
 * 401 that does not say what exactly was wrong. When the keys cannot be fetched at all, that is the platform's
 * fault, not the caller's: 503 with {@code Retry-After}.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "Access tokens cannot be checked right now; try again shortly."), request, response);
            return;
        }
        challenge.commence(request, response, failure);
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        if (status == null || !status.isError()) {
            status = HttpStatus.UNAUTHORIZED;
        }
        String detail = status == HttpStatus.UNAUTHORIZED
                ? "A valid bearer token issued by ShopScale identity is required."
                : "The bearer token could not be read from the request.";
        problems.write(ProblemDetail.forStatusAndDetail(status, detail), request, response);
    }
}
