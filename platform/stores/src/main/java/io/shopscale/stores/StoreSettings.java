package io.shopscale.stores;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the stores come from: each one is external when its environment variable names it, embedded otherwise.
 *
 * @param dataDirectory where embedded stores keep their data; {@code null} for throw-away temporary storage
 */
public record StoreSettings(
        String externalPostgresUrl,
        String postgresUser,
        String postgresPassword,
        String externalRedisUrl,
        String externalKafkaBootstrap,
        int postgresPort,
        int redisPort,
        int kafkaPort,
        int kafkaControllerPort,
        Path dataDirectory) {

    public static final String POSTGRES_URL = "SHOPSCALE_POSTGRES_URL";
    public static final String POSTGRES_USER = "SHOPSCALE_POSTGRES_USER";
    public static final String POSTGRES_PASSWORD = "SHOPSCALE_POSTGRES_PASSWORD";
    public static final String REDIS_URL = "SHOPSCALE_REDIS_URL";
    public static final String KAFKA_BOOTSTRAP = "SHOPSCALE_KAFKA_BOOTSTRAP";

    /** Reads the external stores from the environment; embedded ones get the given ports (0 = any free port). */
    public static StoreSettings fromEnvironment(Map<String, String> env, int postgresPort, int redisPort,
                                                int kafkaPort, int kafkaControllerPort, Path dataDirectory) {
        return new StoreSettings(
                blankToNull(env.get(POSTGRES_URL)),
                blankToNull(env.get(POSTGRES_USER)),
                env.get(POSTGRES_PASSWORD),
                blankToNull(env.get(REDIS_URL)),
                blankToNull(env.get(KAFKA_BOOTSTRAP)),
                postgresPort, redisPort, kafkaPort, kafkaControllerPort, dataDirectory);
    }

    Path dataFor(String store) {
        return dataDirectory == null ? null : dataDirectory.resolve(store);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
