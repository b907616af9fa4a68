package io.shopscale.launcher.platform;

import io.shopscale.launcher.state.SecretFile;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The secrets the launcher generates for a platform, in {@code <state>/secrets/}: the administrator's first password
 * (unless the user chose one) and the token of the payment provider simulator's admin API. A process gets only those
 * it needs, in its environment; the run state and the logs never hold them.
 */
public final class PlatformSecrets {

    public static final String ADMIN_PASSWORD_VARIABLE = "SHOPSCALE_ADMIN_PASSWORD";

    public static final String PSP_ADMIN_TOKEN_VARIABLE = "SHOPSCALE_PSP_ADMIN_TOKEN";

    /** Identity's {@code shopscale.identity.admin.email}, as an environment variable would set it. */
    static final String ADMIN_EMAIL_VARIABLE = "SHOPSCALE_IDENTITY_ADMIN_EMAIL";

    static final String DEFAULT_ADMIN_EMAIL = "admin@shopscale.local";

    static final String IDENTITY = "identity";

    private final Settings settings;

    public PlatformSecrets(Settings settings) {
        this.settings = settings;
    }

    public SecretFile adminPassword() {
        return SecretFile.in(settings.stateDir(), "admin-password");
    }

    public SecretFile pspAdminToken() {
        return SecretFile.in(settings.stateDir(), "psp-admin-token");
    }

    public String adminEmail() {
        return settings.variable(ADMIN_EMAIL_VARIABLE).map(String::strip).orElse(DEFAULT_ADMIN_EMAIL);
    }

    /** Whether the user chose the administrator's password ({@code SHOPSCALE_ADMIN_PASSWORD}). */
    public boolean adminPasswordChosen() {
        return settings.variable(ADMIN_PASSWORD_VARIABLE).isPresent();
    }

    /**
     * Generates the secrets that the components about to start need and that do not exist yet, the embedded stores'
     * passwords among them ({@link StoreAccounts}). Only {@code up} does, before it starts anything: a {@code scale}
     * after an {@code up} with a password of the user's must not leave a generated one behind that no account has.
     */
    public void generate(Collection<Component> components) {
        new StoreAccounts(settings).generate();
        for (Component component : components) {
            if (component.name().equals(IDENTITY) && !adminPasswordChosen()) {
                adminPassword().readOrCreate(this::keepsThePasswordPolicy);
            }
            if (component.name().equals(Components.PAYMENT_PROVIDER)) {
                pspAdminToken().readOrCreate();
            }
        }
    }

    /**
     * What the process that runs {@code hosted} must be told of the generated secrets: identity the administrator
     * password (unless the user chose one, which reaches it with the rest of the environment), the provider
     * simulator its admin token, each service its own logins to the embedded PostgreSQL and Redis
     * ({@link StoreAccounts}).
     */
    public Map<String, String> environment(Collection<Component> hosted) {
        var env = new LinkedHashMap<String, String>();
        for (Component component : hosted) {
            if (component.name().equals(IDENTITY) && !adminPasswordChosen()) {
                adminPassword().read().ifPresent(password -> env.put(ADMIN_PASSWORD_VARIABLE, password));
            }
            if (component.name().equals(Components.PAYMENT_PROVIDER)) {
                pspAdminToken().read().ifPresent(token -> env.put(PSP_ADMIN_TOKEN_VARIABLE, token));
            }
            env.putAll(new StoreAccounts(settings).environment(component));
        }
        return env;
    }

    /**
     * Identity refuses a password that contains the local part of the administrator's email; 43 random characters
     * spell "admin" about once in a million draws, and then one more is drawn.
     */
    private boolean keepsThePasswordPolicy(String password) {
        String email = adminEmail().toLowerCase(Locale.ROOT);
        String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        return local.length() < 3 || !password.toLowerCase(Locale.ROOT).contains(local);
    }
}
