package io.shopscale.launcher.platform;

import io.shopscale.launcher.state.SecretFile;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets the launcher generates for a platform, in {@code <state>/secrets/}: the administrator's first password
 * (unless the user chose one), the secret identity encrypts its signing key with (unless the user chose one), the
 * token of the payment provider simulator's admin API and the registry's password (unless the user chose one). A
 * process gets only those it needs, in its environment; the run state and the logs never hold them.
 */
public final class PlatformSecrets {

    public static final String ADMIN_PASSWORD_VARIABLE = "SHOPSCALE_ADMIN_PASSWORD";

    public static final String PSP_ADMIN_TOKEN_VARIABLE = "SHOPSCALE_PSP_ADMIN_TOKEN";

    static final String IDENTITY_KEY_SECRET_VARIABLE = "SHOPSCALE_IDENTITY_KEY_SECRET";

    public static final String REGISTRY_PASSWORD_VARIABLE = "SHOPSCALE_REGISTRY_PASSWORD";

    /** The registry's {@code shopscale.registry.username}, as an environment variable would set it. */
    static final String REGISTRY_USERNAME_VARIABLE = "SHOPSCALE_REGISTRY_USERNAME";

    /** The user name the registry and its clients agree on unless told otherwise. */
    static final String DEFAULT_REGISTRY_USERNAME = "shopscale";

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

    public SecretFile identityKeySecret() {
        return SecretFile.in(settings.stateDir(), "identity-key-secret");
    }

    public SecretFile registryPassword() {
        return SecretFile.in(settings.stateDir(), "registry-password");
    }

    /** Whether the user chose the registry's password ({@code SHOPSCALE_REGISTRY_PASSWORD}). */
    public boolean registryPasswordChosen() {
        return settings.variable(REGISTRY_PASSWORD_VARIABLE).isPresent();
    }

    /**
     * What the launcher sends to the registry itself (to cancel a dead instance's lease): the user's password, or
     * the generated one; none before the first {@code up}.
     */
    public Optional<RegistryCredentials> registryCredentials() {
        Optional<String> password = registryPasswordChosen() ? settings.variable(REGISTRY_PASSWORD_VARIABLE)
                : registryPassword().read();
        return password.map(secret -> new RegistryCredentials(registryUsername(), secret));
    }

    /** The user's {@code SHOPSCALE_REGISTRY_USERNAME}, which reaches the services with the rest of the environment. */
    public String registryUsername() {
        return settings.variable(REGISTRY_USERNAME_VARIABLE).map(String::strip).orElse(DEFAULT_REGISTRY_USERNAME);
    }

    public String adminEmail() {
        return settings.variable(ADMIN_EMAIL_VARIABLE).map(String::strip).orElse(DEFAULT_ADMIN_EMAIL);
    }

    /** Whether the user chose the administrator's password ({@code SHOPSCALE_ADMIN_PASSWORD}). */
    public boolean adminPasswordChosen() {
        return settings.variable(ADMIN_PASSWORD_VARIABLE).isPresent();
    }

    /** Whether the user chose identity's signing-key secret ({@code SHOPSCALE_IDENTITY_KEY_SECRET}). */
    public boolean identityKeySecretChosen() {
        return settings.variable(IDENTITY_KEY_SECRET_VARIABLE).isPresent();
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
            if (component.name().equals(IDENTITY) && !identityKeySecretChosen()) {
                identityKeySecret().readOrCreate();
            }
            if (component.name().equals(Components.PAYMENT_PROVIDER)) {
                pspAdminToken().readOrCreate();
            }
            if (usesRegistry(component) && !registryPasswordChosen()) {
                registryPassword().readOrCreate();
            }
        }
    }

    /**
     * What the process that runs {@code hosted} must be told of the generated secrets: identity the administrator
     * password and its signing-key secret (each unless the user chose it, which then reaches identity with the rest of
     * the environment), the provider simulator its admin token, the registry and every client of it the registry's
     * password (unless the user chose one), each service its own logins to the embedded PostgreSQL and Redis
     * ({@link StoreAccounts}).
     */
    public Map<String, String> environment(Collection<Component> hosted) {
        var env = new LinkedHashMap<String, String>();
        for (Component component : hosted) {
            if (component.name().equals(IDENTITY) && !adminPasswordChosen()) {
                adminPassword().read().ifPresent(password -> env.put(ADMIN_PASSWORD_VARIABLE, password));
            }
            if (component.name().equals(IDENTITY) && !identityKeySecretChosen()) {
                identityKeySecret().read().ifPresent(secret -> env.put(IDENTITY_KEY_SECRET_VARIABLE, secret));
            }
            if (component.name().equals(Components.PAYMENT_PROVIDER)) {
                pspAdminToken().read().ifPresent(token -> env.put(PSP_ADMIN_TOKEN_VARIABLE, token));
            }
            if (usesRegistry(component) && !registryPasswordChosen()) {
                registryPassword().read().ifPresent(password -> env.put(REGISTRY_PASSWORD_VARIABLE, password));
            }
            env.putAll(new StoreAccounts(settings).environment(component));
        }
        return env;
    }

    /**
     * The registry, which checks the password, and every service that registers in it or reads it. The provider
     * simulator stands for an external system and never uses discovery; the stores process is no Spring service.
     */
    static boolean usesRegistry(Component component) {
        return component.kind() == Component.Kind.SERVICE && !component.name().equals(Components.PAYMENT_PROVIDER);
    }

    /** HTTP Basic credentials for the registry. */
    public record RegistryCredentials(String username, String password) {

        /** The {@code Authorization} header's value. */
        public String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "RegistryCredentials[username=" + username + ", password=<hidden>]";
        }
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
