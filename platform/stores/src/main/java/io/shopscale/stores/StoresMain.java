package io.shopscale.stores;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stores process of the local platform: starts PostgreSQL, Redis and Kafka (those not given as external) and
 * keeps them running until the process is asked to stop.
 *
 * <p>Arguments: {@code --data-dir=DIR --secrets-dir=DIR --postgres-port=N --redis-port=N --kafka-port=N
 * [--kafka-controller-port=N]}. The secrets directory holds the passwords of the embedded stores' accounts, one per
 * file ({@link StoreCredentials}); the launcher generates them there before it starts this process.
 *
 * <p>While it runs, Redis and Kafka can be stopped and started again through request files in {@code DIR/control}
 * (see {@link StoresControl}), which is how a fault drill takes one of them away.
 */
public final class StoresMain {

    /** Under the data directory: where control requests are put. */
    public static final String CONTROL_DIRECTORY = "control";

    private StoresMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // The library jar must not ship a logback.xml (it would take over its users' logging), so the
        // process names its own configuration before the first logger exists.
        System.setProperty("logback.configurationFile", "stores-logback.xml");
        Logger log = LoggerFactory.getLogger(StoresMain.class);
        Map<String, String> options = parse(args);
        int kafkaPort = intOption(options, "kafka-port", 19092);
        StoreSettings settings = StoreSettings.fromEnvironment(System.getenv(),
                intOption(options, "postgres-port", 15432),
                intOption(options, "redis-port", 16379),
                kafkaPort,
                intOption(options, "kafka-controller-port", kafkaPort + 1),
                Path.of(options.getOrDefault("data-dir", ".shopscale/data")).toAbsolutePath());
        long started = System.nanoTime();
        LocalStores stores;
        try {
            stores = LocalStores.start(settings, credentials(options, settings));
        } catch (RuntimeException e) {
            log.error("stores failed to start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        StoresControl control = StoresControl.watch(settings.dataDirectory().resolve(CONTROL_DIRECTORY),
                stores.redis(), stores.kafka());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping stores");
            control.close();
            stores.close();
            stopped.countDown();
        }, "stores-shutdown"));
        log.info("stores ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        System.out.println("STORES READY");
        stopped.await();
    }

    /** Only an embedded PostgreSQL or Redis has accounts; with both external, nothing is read. */
    private static StoreCredentials credentials(Map<String, String> options, StoreSettings settings) {
        if (settings.externalPostgresUrl() != null && settings.externalRedisUrl() != null) {
            return StoreCredentials.generated();
        }
        String directory = options.get("secrets-dir");
        if (directory == null) {
            throw new IllegalArgumentException("--secrets-dir is required: the embedded stores' passwords are there");
        }
        return StoreCredentials.readFrom(Path.of(directory).toAbsolutePath());
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    private static int intOption(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number, got " + value, e);
        }
    }
}
