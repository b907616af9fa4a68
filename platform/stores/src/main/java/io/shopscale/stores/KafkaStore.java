package io.shopscale.stores;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), run in this JVM from the
 * {@code kafka_2.13} jars, or an external cluster. The embedded broker can be stopped and started again in this
 * JVM, on the same ports and log directory, to take Kafka away from the platform for a while.
 */
public final class KafkaStore implements RunningStore {

    private static final int NODE_ID = 1;

    private final KafkaConfig config;
    private final String bootstrap;
    private final Path temporaryDirectory;
    private KafkaRaftServer server;

    private KafkaStore(KafkaConfig config, KafkaRaftServer server, String bootstrap, Path temporaryDirectory) {
        this.config = config;
        this.server = server;
        this.bootstrap = bootstrap;
        this.temporaryDirectory = temporaryDirectory;
    }

    /**
     * Starts a broker on {@code port} with its controller on {@code controllerPort} (0 picks free ones). The log
     * directory is formatted on first use and kept; without one a temporary directory is used and removed on close.
     */
    public static KafkaStore start(int port, int controllerPort, Path logDirectory) {
        int brokerPort = port > 0 ? port : FreePorts.pick();
        int quorumPort = controllerPort > 0 ? controllerPort : FreePorts.pick();
        try {
            Path temporary = logDirectory == null ? Files.createTempDirectory("shopscale-kafka") : null;
            Path directory = logDirectory == null ? temporary : logDirectory;
            Files.createDirectories(directory);
            Properties properties = brokerProperties(brokerPort, quorumPort, directory);
            KafkaConfig config = KafkaConfig.fromProps(properties, false);
            if (!Files.exists(directory.resolve("meta.properties"))) {
                format(directory);
            }
            return new KafkaStore(config, started(config), "127.0.0.1:" + brokerPort, temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start on port " + brokerPort + ": " + e.getMessage(), e);
        }
    }

    public static KafkaStore external(String bootstrap) {
        return new KafkaStore(null, null, bootstrap, null);
    }

    private static KafkaRaftServer started(KafkaConfig config) {
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return server;
    }

    /** Shuts the embedded broker down, keeping its log directory; {@link #restart()} brings it back. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    /** Starts the embedded broker again after {@link #stop()}, with what it had on disk. */
    public synchronized void restart() {
        if (config == null || server != null) {
            return;
        }
        server = started(config);
    }

    /** Whether the embedded broker runs now. */
    public synchronized boolean running() {
        return server != null;
    }

    static Properties brokerProperties(int brokerPort, int controllerPort, Path directory) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", directory.toAbsolutePath().toString());
        // One node: every internal topic has one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "10");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "6");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        return p;
    }

    private static void format(Path directory) {
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
            new Formatter()
                    .setPrintStream(quiet)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(directory.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(directory.toAbsolutePath().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format the Kafka log directory " + directory, e);
        }
    }

    @Override
    public String connectionString() {
        return bootstrap;
    }

    @Override
    public boolean embedded() {
        return config != null;
    }

    @Override
    public void close() {
        if (config == null) {
            return;
        }
        stop();
        if (temporaryDirectory != null) {
            deleteRecursively(temporaryDirectory);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
