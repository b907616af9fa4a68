package io.shopscale.launcher.platform;

import io.shopscale.launcher.state.SecretFile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The accounts of the embedded PostgreSQL: its superuser and one login role per service with a database, named after
 * the service. The launcher generates their passwords in {@code <state>/secrets/}; the stores process reads them there
 * (it is told the directory, never a password) and gives the accounts those passwords at each start; each service
 * gets only its own, in its environment. With an external PostgreSQL none of this applies: every service logs in as
 * the user's {@code SHOPSCALE_POSTGRES_USER}.
 */
public final class StoreAccounts {

    /** The services that own a schema; the stores process provisions the same roles (platform/stores SchemaOwner). */
    static final List<String> DATABASE_ROLES = List.of("identity", "catalog", "inventory", "orders", "payment");

    /** How the load generator's audit reads every schema: as the superuser, whose password it finds here. */
    public static final String SUPERUSER_PASSWORD_VARIABLE = "SHOPSCALE_POSTGRES_PASSWORD";

    private final Settings settings;

    public StoreAccounts(Settings settings) {
        this.settings = settings;
    }

    /** The file names are the stores process's (platform/stores StoreCredentials). */
    public SecretFile superuserPassword() {
        return SecretFile.in(settings.stateDir(), "postgres-password");
    }

    public SecretFile rolePassword(String role) {
        return SecretFile.in(settings.stateDir(), "postgres-" + role + "-password");
    }

    /** Whether the stores process runs PostgreSQL, and so its accounts. */
    public boolean embedded() {
        return !settings.isExternal(Store.POSTGRES);
    }

    /** Every password the stores process needs, generated now where there is none yet. */
    void generate() {
        if (!embedded()) {
            return;
        }
        superuserPassword().readOrCreate();
        DATABASE_ROLES.forEach(role -> rolePassword(role).readOrCreate());
    }

    /**
     * A service's own login, e.g. {@code SHOPSCALE_CATALOG_POSTGRES_USER} and {@code _PASSWORD}: named after the
     * service, because in the compact topology one process with one environment hosts every service.
     */
    Map<String, String> environment(Component component) {
        var env = new LinkedHashMap<String, String>();
        if (embedded() && DATABASE_ROLES.contains(component.name())) {
            String prefix = "SHOPSCALE_" + component.name().toUpperCase(Locale.ROOT) + "_POSTGRES_";
            rolePassword(component.name()).read().ifPresent(password -> {
                env.put(prefix + "USER", component.name());
                env.put(prefix + "PASSWORD", password);
            });
        }
        return env;
    }

    /** For the load generator, which audits every service's schema: the superuser's password. */
    public Map<String, String> superuserEnvironment() {
        if (!embedded()) {
            return Map.of();
        }
        return superuserPassword().read().map(password -> Map.of(SUPERUSER_PASSWORD_VARIABLE, password))
                .orElse(Map.of());
    }
}
