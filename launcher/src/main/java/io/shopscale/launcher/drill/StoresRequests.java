package io.shopscale.launcher.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;

/**
 * Asks the running stores process to stop or start Redis or its Kafka broker: a request file in its control
 * directory ({@code <data>/control}), answered in a reply file once done. The stores process looks for requests ten
 * times a second; stopping Kafka takes a few seconds.
 */
public final class StoresRequests {

    static final String REQUEST = ".request";
    static final String REPLY = ".reply";
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path directory;
    private final Duration timeout;

    public StoresRequests(Path directory, Duration timeout) {
        this.directory = directory;
        this.timeout = timeout;
    }

    /** Whether a stores process watches the directory: it creates it when it starts. */
    public boolean available() {
        return Files.isDirectory(directory);
    }

    /**
     * Sends {@code <store> <action>} (e.g. {@code kafka stop}) and waits for the answer.
     *
     * @throws IOException when the answer is an error, or none came in time
     */
    public void send(String store, String action) throws IOException, InterruptedException {
        String name = "drill-" + UUID.randomUUID();
        Path partial = directory.resolve(name + ".partial");
        Files.writeString(partial, store + " " + action + "\n", StandardCharsets.UTF_8);
        Files.move(partial, directory.resolve(name + REQUEST), StandardCopyOption.ATOMIC_MOVE);
        Path reply = directory.resolve(name + REPLY);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(reply)) {
            if (System.nanoTime() - deadline > 0) {
                Files.deleteIfExists(directory.resolve(name + REQUEST));
                throw new IOException("the stores process did not answer '" + store + " " + action + "' within "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL);
        }
        String answer = Files.readString(reply, StandardCharsets.UTF_8).strip();
        Files.deleteIfExists(reply);
        if (!answer.equals("ok")) {
            throw new IOException("the stores process answered '" + store + " " + action + "' with: " + answer);
        }
    }
}
