package io.shopscale.identity.user;

import io.shopscale.identity.password.PasswordHasher;
import io.shopscale.platform.web.InvalidParameterException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/auth/register}: anyone may create an account; it always gets the USER role only. */
@RestController
class RegistrationController {

    private final Registration registration;

    RegistrationController(Registration registration) {
        this.registration = registration;
    }

    @PostMapping("/api/auth/register")
    ResponseEntity<Registered> register(@RequestBody RegisterRequest request) {
        EmailAddress email = EmailAddress.parse(request.email());
        if (request.password() == null) {
            throw new InvalidParameterException("password", "'password' is required.");
        }
        if (!PasswordHasher.isWellFormed(request.password())) {
            throw new InvalidParameterException("password", "'password' must be valid Unicode text.");
        }
        DisplayName name = DisplayName.parse(request.name());
        UUID id = registration.register(new Registration.NewAccount(email, request.password(), name));
        return ResponseEntity.created(URI.create("/api/users/" + id)).body(new Registered(id));
    }

    /** Exactly the fields a client may set; any other field in the body is a 400. */
    record RegisterRequest(String email, String password, String name) {

        @Override
        public String toString() {
            return "RegisterRequest[email=" + email + "]";
        }
    }

    record Registered(UUID userId) {
    }
}
