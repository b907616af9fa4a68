package io.shopscale.identity.user;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Read access to accounts for the other features of this service (login); the repository stays in here. */
@Service
public class Users {

    private final UserRepository repository;

    Users(UserRepository repository) {
        this.repository = repository;
    }

    public Optional<UserAccount> byEmail(EmailAddress email) {
        return repository.findByEmail(email);
    }

    public Optional<UserAccount> byId(UUID id) {
        return repository.findById(id);
    }
}
