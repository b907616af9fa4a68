package io.shopscale.identity.security;

import io.shopscale.identity.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * A missing, malformed, expired or foreign token: Spring Security's RFC 6750 {@code WWW-Authenticate} challenge,
 * with a problem+json body carrying the request id. The body does not say what exactly was wrong with the token.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final ProblemResponses problems;

    ProblemAuthenticationEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        challenge.commence(request, response, e);
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
