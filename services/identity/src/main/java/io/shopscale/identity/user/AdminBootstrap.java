package io.shopscale.identity.user;

import io.shopscale.identity.IdentityProperties;
import io.shopscale.identity.password.WeakPasswordException;
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
 * <p>The password comes from {@code SHOPSCALE_ADMIN_PASSWORD}. Without it a random one is generated and logged once,
 * by the one instance whose insert created the account; every later start (of any instance) finds the account and
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
        boolean generated = admin.password() == null || admin.password().isBlank();
        String password = generated ? generatePassword(email) : admin.password();
        UserAccount account;
        try {
            account = registration.newAccount(
                    new Registration.NewAccount(email, password, DisplayName.parse(admin.name())),
                    List.of(Role.USER, Role.ADMIN));
        } catch (WeakPasswordException e) {
            // Never log the configured password itself, only the rule it breaks.
            throw new IllegalStateException("SHOPSCALE_ADMIN_PASSWORD breaks the password policy: "
                    + e.rule().message(), e);
        }
        if (!repository.insertIfEmailFree(account)) {
            return false;
        }
        if (generated) {
            log.warn("""

                    ================================ SHOPSCALE ADMIN ACCOUNT ================================
                     Created administrator {} with the generated password:
                         {}
                     It is shown only this once: keep it in your secret store now. To choose the password
                     yourself, set SHOPSCALE_ADMIN_PASSWORD before the first start on a new database.
                    ==========================================================================================""",
                    email.value(), password);
        } else {
            log.info("Created administrator {} with the password from SHOPSCALE_ADMIN_PASSWORD.", email.value());
        }
        return true;
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
