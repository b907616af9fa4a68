package io.shopscale.psp.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets an admin request through only with {@code Authorization: Bearer <token>}. A missing, malformed or wrong
 * token gets the same 401, so a caller learns nothing but "no". The tokens are compared as SHA-256 digests in
 * constant time: neither the time taken nor the lengths say how much of a guess was right.
 */
final class AdminAuthentication implements HandlerInterceptor {

    private static final String SCHEME = "Bearer ";

    private final byte[] expected;

    AdminAuthentication(String token) {
        this.expected = digest(token.strip());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!presentsToken(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            throw unauthorized();
        }
        return true;
    }

    boolean presentsToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return MessageDigest.isEqual(expected, digest(authorization.substring(SCHEME.length()).strip()));
    }

    private static ErrorResponseException unauthorized() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "The admin API needs Authorization: Bearer <token>, the token the simulator was started with "
                        + "(SHOPSCALE_PSP_ADMIN_TOKEN; ./shopscale keeps it in <state>/secrets/psp-admin-token).");
        problem.setTitle("Unauthorized");
        ErrorResponseException refusal = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
        refusal.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"psp-admin\"");
        return refusal;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
