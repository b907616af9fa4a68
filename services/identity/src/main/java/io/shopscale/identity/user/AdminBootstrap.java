package io.shopscale.identity.user;

import io.shopscale.identity.IdentityProperties;
import io.shopscale.identity.password.WeakPasswordException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the administrator account on first start, before the service takes traffic, so nobody can register the
 * administrator's email first.
 *
 * <p>The password comes from {@code SHOPSCALE_ADMIN_PASSWORD} ({@code ./shopscale up} always sets it). Without it a
 * random one is generated and written to the password file ({@link AdminPasswordFile}) by the one instance whose
 * insert created the account; the log names the file, never the password, because logs are shipped, kept and read
 * far more widely than one file on the service's host. Every later start (of any instance) finds the account and
 * changes nothing. An existing non-admin account with the administrator's email is never promoted: whoever
 * registered it knows its password, so promoting it would hand them the shop.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final int GENERATED_PASSWORD_BYTES = 24;

    private final UserRepository repository;
    private final Registration registration;
    private final IdentityProperties.Admin admin;

    AdminBootstrap(UserRepository repository, Registration registration, IdentityProperties properties) {
        this.repository = repository;
        this.registration = registration;
        this.admin = properties.admin();
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensureAdmin();
    }

    /** @return whether this call created the account */
    boolean ensureAdmin() {
        EmailAddress email = EmailAddress.parse(admin.email());
        var existing = repository.findByEmail(email);
        if (existing.isPresent()) {
            if (!existing.get().roles().contains(Role.ADMIN)) {
                log.error("The administrator email {} belongs to an account without the ADMIN role; it is left as "
                        + "it is and no administrator was created. Configure another shopscale.identity.admin.email.",
                        email.value());
            }
            return false;
        }
        if (admin.password() != null && !admin.password().isBlank()) {
            boolean created = repository.insertIfEmailFree(account(email, admin.password()));
            if (created) {
                log.info("Created administrator {} with the password from SHOPSCALE_ADMIN_PASSWORD.", email.value());
            }
            return created;
        }
        return createWithGeneratedPassword(email);
    }

    private boolean createWithGeneratedPassword(EmailAddress email) {
        if (admin.passwordFile() == null || admin.passwordFile().isBlank()) {
            throw new IllegalStateException("Without SHOPSCALE_ADMIN_PASSWORD the administrator's password is "
                    + "generated and written to shopscale.identity.admin.password-file, which is not set.");
        }
        String password = generatePassword(email);
        UserAccount account = account(email, password);
        AdminPasswordFile file = AdminPasswordFile.prepare(Path.of(admin.passwordFile()), password);
        boolean created = false;
        try {
            created = repository.insertIfEmailFree(account);
        } finally {
            if (!created) {
                file.discard();
            }
        }
        if (!created) {
            return false;
        }
        Path written;
        try {
            written = file.commit();
        } catch (IOException e) {
            written = file.pending();
            log.warn("Could not move the administrator's password to {} ({}); it stays in {}.",
                    admin.passwordFile(), e.getMessage(), written);
        }
        log.warn("""

                ================================ SHOPSCALE ADMIN ACCOUNT ================================
                 Created administrator {} with a generated password, written to
                     {}
                 (readable by this service's user only). Keep it in your secret store, then delete the file.
                 To choose the password yourself, set SHOPSCALE_ADMIN_PASSWORD before the first start on a
                 new database.
                ==========================================================================================""",
                email.value(), written);
        return true;
    }

    private UserAccount account(EmailAddress email, String password) {
        try {
            return registration.newAccount(
                    new Registration.NewAccount(email, password, DisplayName.parse(admin.name())),
                    List.of(Role.USER, Role.ADMIN));
        } catch (WeakPasswordException e) {
            // Never log the configured password itself, only the rule it breaks.
            throw new IllegalStateException("SHOPSCALE_ADMIN_PASSWORD breaks the password policy: "
                    + e.rule().message(), e);
        }
    }

    /** 192 random bits; drawn again in the astronomically rare case that they spell the email's local part. */
    private static String generatePassword(EmailAddress email) {
        SecureRandom random = new SecureRandom();
        while (true) {
            byte[] bytes = new byte[GENERATED_PASSWORD_BYTES];
            random.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            String local = email.localPart();
            if (local.length() < 3 || !password.toLowerCase(Locale.ROOT).contains(local)) {
                return password;
            }
        }
    }
}
