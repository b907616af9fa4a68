package io.shopscale.identity.user;

import io.shopscale.identity.password.PasswordHasher;
import io.shopscale.identity.password.PasswordPolicy;
import io.shopscale.identity.password.WeakPasswordException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Creates accounts: checks the password against the policy, hashes it, and claims the email atomically. */
@Service
class Registration {

    private final UserRepository repository;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final Clock clock;

    Registration(UserRepository repository, PasswordPolicy policy, PasswordHasher hasher, Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.hasher = hasher;
        this.clock = clock;
    }

    UUID register(NewAccount account) {
        UserAccount created = newAccount(account, List.of(Role.USER));
        if (!repository.insertIfEmailFree(created)) {
            throw new EmailAlreadyRegisteredException();
        }
        return created.id();
    }

    /** Builds (but does not store) an account whose password keeps the policy. */
    UserAccount newAccount(NewAccount account, List<Role> roles) {
        policy.firstViolation(account.password(), account.email().localPart()).ifPresent(rule -> {
            throw new WeakPasswordException(rule);
        });
        return new UserAccount(UUID.randomUUID(), account.email(), account.name(), hasher.hash(account.password()),
                roles, clock.instant());
    }

    /** A registration as the client asked for it, each part already checked. */
    record NewAccount(EmailAddress email, String password, DisplayName name) {

        @Override
        public String toString() {
            return "NewAccount[email=" + email.value() + "]";
        }
    }
}
