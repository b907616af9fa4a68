package io.shopscale.identity.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account as stored. The password hash stays inside the identity service: it is never serialised to a client.
 *
 * @param roles in a stable order: USER first, then ADMIN
 */
public record UserAccount(UUID id, EmailAddress email, DisplayName name, String passwordHash, List<Role> roles,
                          Instant createdAt) {

    public UserAccount {
        roles = roles.stream().distinct().sorted().toList();
        if (!roles.contains(Role.USER)) {
            throw new IllegalArgumentException("every account has the USER role");
        }
    }

    public List<String> roleNames() {
        return roles.stream().map(Role::name).toList();
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", roles=" + roles + "]";
    }
}
