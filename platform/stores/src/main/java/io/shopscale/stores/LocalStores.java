package io.shopscale.stores;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostgreSQL, Redis and Kafka together, each embedded or external as the settings say. */
public final class LocalStores implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStores.class);

    private final PostgresStore postgres;
    private final RedisStore redis;
    private final KafkaStore kafka;

    private LocalStores(PostgresStore postgres, RedisStore redis, KafkaStore kafka) {
        this.postgres = postgres;
        this.redis = redis;
        this.kafka = kafka;
    }

    /** As {@link #start(StoreSettings, StoreCredentials)}, with passwords that only this JVM knows. */
    public static LocalStores start(StoreSettings settings) {
        return start(settings, StoreCredentials.generated());
    }

    /**
     * Starts what is not external, the embedded stores with the given accounts. If one store fails, those already
     * started are stopped again.
     */
    public static LocalStores start(StoreSettings settings, StoreCredentials credentials) {
        List<RunningStore> started = new ArrayList<>();
        try {
            PostgresStore postgres = settings.externalPostgresUrl() != null
                    ? PostgresStore.external(settings.externalPostgresUrl(), settings.postgresUser(),
                            settings.postgresPassword())
                    : PostgresStore.start(settings.postgresPort(), settings.dataFor("postgres"), credentials);
            started.add(postgres);
            log.info("PostgreSQL {} at {}", postgres.embedded() ? "embedded" : "external", postgres.connectionString());

            RedisStore redis = settings.externalRedisUrl() != null
                    ? RedisStore.external(settings.externalRedisUrl())
                    : RedisStore.start(settings.redisPort(), settings.dataFor("redis"), credentials);
            started.add(redis);
            log.info("Redis {} at {}", redis.embedded() ? "embedded" : "external", redis.connectionString());

            KafkaStore kafka = settings.externalKafkaBootstrap() != null
                    ? KafkaStore.external(settings.externalKafkaBootstrap())
                    : KafkaStore.start(settings.kafkaPort(), settings.kafkaControllerPort(), settings.dataFor("kafka"));
            started.add(kafka);
            log.info("Kafka {} at {}", kafka.embedded() ? "embedded" : "external", kafka.connectionString());

            return new LocalStores(postgres, redis, kafka);
        } catch (RuntimeException e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                closeQuietly(started.get(i));
            }
            throw e;
        }
    }

    public PostgresStore postgres() {
        return postgres;
    }

    public RedisStore redis() {
        return redis;
    }

    public KafkaStore kafka() {
        return kafka;
    }

    /** Stops in reverse order of start: Kafka first, PostgreSQL last. */
    @Override
    public void close() {
        closeQuietly(kafka);
        closeQuietly(redis);
        closeQuietly(postgres);
    }

    private static void closeQuietly(RunningStore store) {
        try {
            store.close();
        } catch (RuntimeException e) {
            log.warn("stopping {} failed: {}", store.connectionString(), e.getMessage());
        }
    }
}
