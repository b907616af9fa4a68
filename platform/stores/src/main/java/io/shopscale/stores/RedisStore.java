package io.shopscale.stores;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real Redis server run from the binary that Maven brings (codemonstur's embedded-redis), or an external one.
 */
public final class RedisStore implements RunningStore {

    private final RedisServer embedded;
    private final String url;

    private RedisStore(RedisServer embedded, String url) {
        this.embedded = embedded;
        this.url = url;
    }

    /**
     * Starts Redis on the given port. With a data directory it snapshots there (RDB) so carts survive a restart;
     * without one it keeps nothing on disk.
     */
    public static RedisStore start(int port, Path dataDirectory) {
        int chosen = port > 0 ? port : FreePorts.pick();
        try {
            var builder = RedisServer.newRedisServer()
                    .port(chosen)
                    .bind("127.0.0.1")
                    .setting("maxmemory 256mb")
                    .setting("maxmemory-policy noeviction")
                    .setting("protected-mode no");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setting("dir " + dataDirectory.toAbsolutePath())
                        .setting("save 60 1")
                        .setting("appendonly no");
            } else {
                builder.setting("save \"\"").setting("appendonly no");
            }
            RedisServer server = builder.build();
            server.start();
            return new RedisStore(server, "redis://127.0.0.1:" + chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + chosen + ": " + e.getMessage(), e);
        }
    }

    public static RedisStore external(String url) {
        return new RedisStore(null, url);
    }

    /** Empties every database: tests call it between test classes. */
    public void flushAll() {
        URI uri = URI.create(url);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readNBytes(5), StandardCharsets.US_ASCII);
            if (!reply.startsWith("+OK")) {
                throw new IllegalStateException("FLUSHALL answered " + reply);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Redis at " + url + " is unreachable: " + e.getMessage(), e);
        }
    }

    public int port() {
        return URI.create(url).getPort();
    }

    /** Stops the server while keeping this handle, so tests can take Redis away and bring it back. */
    public void stop() {
        try {
            if (embedded != null && embedded.isActive()) {
                embedded.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void restart() {
        try {
            if (embedded != null && !embedded.isActive()) {
                embedded.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String connectionString() {
        return url;
    }

    @Override
    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        stop();
    }
}
