package io.shopscale.identity.login;

import io.shopscale.identity.IdentityProperties;
import io.shopscale.identity.password.PasswordHasher;
import io.shopscale.identity.password.PasswordPolicy;
import io.shopscale.identity.token.AccessToken;
import io.shopscale.identity.user.EmailAddress;
import io.shopscale.platform.web.InvalidParameterException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/auth/login}: a bearer token for a correct email and password. */
@RestController
class LoginController {

    private final Login login;
    private final ClientAddress clientAddress;

    LoginController(Login login, IdentityProperties properties) {
        this.login = login;
        this.clientAddress = new ClientAddress(properties.login().trustedProxies());
    }

    @PostMapping("/api/auth/login")
    ResponseEntity<TokenResponse> login(@RequestBody LoginRequest request, HttpServletRequest http) {
        if (request.email() == null || request.email().isBlank()) {
            throw new InvalidParameterException("email", "'email' is required.");
        }
        if (request.email().length() > EmailAddress.MAX_LENGTH + 64) {
            throw new InvalidParameterException("email",
                    "'email' must be at most " + EmailAddress.MAX_LENGTH + " characters.");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw new InvalidParameterException("password", "'password' is required.");
        }
        if (!PasswordHasher.isWellFormed(request.password())) {
            throw new InvalidParameterException("password", "'password' must be valid Unicode text.");
        }
        if (request.password().codePointCount(0, request.password().length()) > PasswordPolicy.MAX_LENGTH) {
            throw new InvalidParameterException("password",
                    "'password' must be at most " + PasswordPolicy.MAX_LENGTH + " characters.");
        }
        AccessToken token = login.login(request.email(), request.password(), clientAddress.of(http));
        // RFC 6749 §5.1: a response carrying a token must not be stored by any cache.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .body(new TokenResponse(token.value(), "Bearer", token.expiresInSeconds()));
    }

    /** Exactly the fields a client may send; any other field in the body is a 400. */
    record LoginRequest(String email, String password) {

        @Override
        public String toString() {
            return "LoginRequest[email=" + email + "]";
        }
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {

        @Override
        public String toString() {
            return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }
}
