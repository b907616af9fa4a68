package io.shopscale.stores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes Redis or Kafka away from the platform for a while and brings it back, without stopping this process. A
 * request is a file {@code <name>.request} in the control directory holding one line: {@code redis stop},
 * {@code redis start}, {@code kafka stop} or {@code kafka start}. It is carried out once, removed, and answered in
 * {@code <name>.reply}: {@code ok}, or {@code error <reason>}. The directory is watched with the file system's
 * notifications (inotify on Linux), so an idle platform spends nothing on it.
 * PostgreSQL has no requests here: it is a server of its own, which {@code pg_ctl} stops and starts.
 */
public final class StoresControl implements AutoCloseable {

    public static final String REQUEST = ".request";
    public static final String REPLY = ".reply";

    private static final Logger log = LoggerFactory.getLogger(StoresControl.class);

    private final Path directory;
    private final RedisStore redis;
    private final KafkaStore kafka;
    private final WatchService changes;
    private final Thread watcher;
    private volatile boolean closed;

    private StoresControl(Path directory, RedisStore redis, KafkaStore kafka, WatchService changes) {
        this.directory = directory;
        this.redis = redis;
        this.kafka = kafka;
        this.changes = changes;
        this.watcher = Thread.ofPlatform().daemon().name("stores-control").unstarted(this::watch);
    }

    /** Starts watching {@code directory}; requests and replies left from an earlier run are removed first. */
    public static StoresControl watch(Path directory, RedisStore redis, KafkaStore kafka) {
        WatchService changes;
        try {
            Files.createDirectories(directory);
            for (Path stale : files(directory)) {
                Files.deleteIfExists(stale);
            }
            changes = directory.getFileSystem().newWatchService();
            // A request arrives by a rename into place, which is a creation under its final name.
            directory.register(changes, StandardWatchEventKinds.ENTRY_CREATE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + directory + " for control requests", e);
        }
        StoresControl control = new StoresControl(directory, redis, kafka, changes);
        control.watcher.start();
        return control;
    }

    /** Carries out one request and returns its answer. */
    String handle(String request) {
        String[] words = request.trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length != 2 || !(words[1].equals("stop") || words[1].equals("start"))) {
            return "error expected '<redis|kafka> <stop|start>', got '" + request.trim() + "'";
        }
        boolean stop = words[1].equals("stop");
        try {
            switch (words[0]) {
                case "redis" -> {
                    if (!redis.embedded()) {
                        return "error Redis is external here";
                    }
                    if (stop) {
                        redis.stop();
                    } else {
                        redis.restart();
                    }
                }
                case "kafka" -> {
                    if (!kafka.embedded()) {
                        return "error Kafka is external here";
                    }
                    if (stop) {
                        kafka.stop();
                    } else {
                        kafka.restart();
                    }
                }
                default -> {
                    return "error unknown store '" + words[0] + "'; redis or kafka";
                }
            }
        } catch (RuntimeException e) {
            log.warn("control request '{}' failed", request.trim(), e);
            return "error " + e;
        }
        log.info("control request '{}' done", request.trim());
        return "ok";
    }

    private void watch() {
        while (!closed) {
            try {
                // Each wake-up answers every request present, so none is missed if notifications were merged.
                for (Path request : files(directory)) {
                    String name = request.getFileName().toString();
                    if (name.endsWith(REQUEST)) {
                        answer(request, name.substring(0, name.length() - REQUEST.length()));
                    }
                }
                WatchKey key = changes.take();
                key.pollEvents();
                key.reset();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("reading control requests in {} failed: {}", directory, e.toString());
            }
        }
    }

    private void answer(Path request, String name) throws IOException {
        String line = Files.readString(request, StandardCharsets.UTF_8);
        Files.delete(request);
        String reply = closed ? "error the stores are stopping" : handle(line);
        Path partial = directory.resolve(name + REPLY + ".partial");
        Files.writeString(partial, reply + "\n", StandardCharsets.UTF_8);
        Files.move(partial, directory.resolve(name + REPLY), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Takes no further requests; one being carried out finishes first. */
    @Override
    public void close() {
        closed = true;
        try {
            changes.close();
        } catch (IOException e) {
            log.warn("closing the watch on {} failed: {}", directory, e.toString());
        }
        try {
            watcher.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
