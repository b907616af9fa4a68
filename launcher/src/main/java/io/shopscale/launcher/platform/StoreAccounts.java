package io.shopscale.launcher.platform;

import io.shopscale.launcher.state.SecretFile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The accounts of the embedded stores: PostgreSQL's superuser and one login role per service with a database, Redis's
 * administrator and one user per service that keeps keys there, each named after its service. The launcher generates
 * their passwords in {@code <state>/secrets/}; the stores process reads them there (it is told the directory, never a
 * password) and gives the accounts those passwords at each start; each service gets only its own logins, in its
 * environment. An external store is used with what the user configured: every service logs in to an external
 * PostgreSQL as {@code SHOPSCALE_POSTGRES_USER} and to an external Redis as {@code SHOPSCALE_REDIS_URL} says.
 */
public final class StoreAccounts {

    /** The services that own a schema; the stores process provisions the same roles (platform/stores SchemaOwner). */
    static final List<String> DATABASE_ROLES = List.of("identity", "catalog", "inventory", "orders", "payment");

    /** The components that keep keys in Redis; the stores process has the same users (platform/stores RedisUser). */
    static final List<String> REDIS_USERS = List.of("gateway", "identity", "cart", "catalog");

    /** How the load generator's audit reads every schema: as the superuser, whose password it finds here. */
    public static final String SUPERUSER_PASSWORD_VARIABLE = "SHOPSCALE_POSTGRES_PASSWORD";

    private final Settings settings;

    public StoreAccounts(Settings settings) {
        this.settings = settings;
    }

    // The file names are the stores process's (platform/stores StoreCredentials).

    public SecretFile superuserPassword() {
        return SecretFile.in(settings.stateDir(), "postgres-password");
    }

    public SecretFile rolePassword(String role) {
        return SecretFile.in(settings.stateDir(), "postgres-" + role + "-password");
    }

    public SecretFile redisAdminPassword() {
        return SecretFile.in(settings.stateDir(), "redis-admin-password");
    }

    public SecretFile redisPassword(String user) {
        return SecretFile.in(settings.stateDir(), "redis-" + user + "-password");
    }

    /**
     * Every password the stores process reads, generated now where there is none yet. It reads all of them as soon as
     * it runs PostgreSQL or Redis.
     */
    void generate() {
        if (!postgresEmbedded() && !redisEmbedded()) {
            return;
        }
        superuserPassword().readOrCreate();
        DATABASE_ROLES.forEach(role -> rolePassword(role).readOrCreate());
        redisAdminPassword().readOrCreate();
        REDIS_USERS.forEach(user -> redisPassword(user).readOrCreate());
    }

    /**
     * A service's own logins: {@code SHOPSCALE_<SERVICE>_POSTGRES_USER} and {@code _PASSWORD}, and
     * {@code SHOPSCALE_<SERVICE>_REDIS_URL} with its Redis user in it (Spring Boot takes a login from the URL whenever
     * there is one). Named after the service, because in the compact topology one process with one environment hosts
     * every service.
     */
    Map<String, String> environment(Component component) {
        var env = new LinkedHashMap<String, String>();
        String prefix = "SHOPSCALE_" + component.name().toUpperCase(Locale.ROOT) + "_";
        if (postgresEmbedded() && DATABASE_ROLES.contains(component.name())) {
            rolePassword(component.name()).read().ifPresent(password -> {
                env.put(prefix + "POSTGRES_USER", component.name());
                env.put(prefix + "POSTGRES_PASSWORD", password);
            });
        }
        if (redisEmbedded() && REDIS_USERS.contains(component.name())) {
            // Generated passwords are URL-safe Base64: they need no escaping in a URL.
            redisPassword(component.name()).read().ifPresent(password -> env.put(prefix + "REDIS_URL",
                    "redis://" + component.name() + ":" + password + "@127.0.0.1:" + settings.port(Store.REDIS)));
        }
        return env;
    }

    /** For the load generator, which audits every service's schema: the superuser's password. */
    public Map<String, String> superuserEnvironment() {
        if (!postgresEmbedded()) {
            return Map.of();
        }
        return superuserPassword().read().map(password -> Map.of(SUPERUSER_PASSWORD_VARIABLE, password))
                .orElse(Map.of());
    }

    private boolean postgresEmbedded() {
        return !settings.isExternal(Store.POSTGRES);
    }

    private boolean redisEmbedded() {
        return !settings.isExternal(Store.REDIS);
    }
}
