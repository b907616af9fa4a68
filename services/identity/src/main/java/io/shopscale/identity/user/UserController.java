package io.shopscale.identity.user;

import io.shopscale.platform.web.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own account. This service owns the user data, so it validates the bearer token itself
 * (issuer, audience, expiry, RS256 with its own keys) rather than trusting that the gateway did.
 */
@RestController
class UserController {

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    @GetMapping("/api/auth/me")
    Profile me(@AuthenticationPrincipal Jwt token) {
        return users.byId(UUID.fromString(token.getSubject()))
                .map(Profile::of)
                .orElseThrow(() -> new NotFoundException("The account of this token no longer exists."));
    }

    /** One account, for its owner or an administrator; to anyone else it does not exist. */
    @GetMapping("/api/users/{id}")
    Profile user(@PathVariable UUID id, @AuthenticationPrincipal Jwt token) {
        boolean mayRead = id.toString().equals(token.getSubject())
                || token.getClaimAsStringList("roles").contains(Role.ADMIN.name());
        return users.byId(id)
                .filter(account -> mayRead)
                .map(Profile::of)
                .orElseThrow(() -> new NotFoundException("No account with id " + id + "."));
    }

    record Profile(UUID userId, String email, String name, List<String> roles) {

        static Profile of(UserAccount account) {
            return new Profile(account.id(), account.email().value(), account.name().value(), account.roleNames());
        }
    }
}
