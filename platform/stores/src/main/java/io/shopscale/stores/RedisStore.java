package io.shopscale.stores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real Redis server run from the binary that Maven brings (codemonstur's embedded-redis), or an external one.
 *
 * <p>The embedded server knows one user per service, limited to that service's keys ({@link RedisAcl}); a
 * connection that does not log in may run nothing. An external server is used as its URL says.
 */
public final class RedisStore implements RunningStore {

    private final RedisServer embedded;
    private final String url;
    private final StoreCredentials credentials;

    private RedisStore(RedisServer embedded, String url, StoreCredentials credentials) {
        this.embedded = embedded;
        this.url = url;
        this.credentials = credentials;
    }

    /** As {@link #start(int, Path, StoreCredentials)}, with passwords that only this JVM knows. */
    public static RedisStore start(int port, Path dataDirectory) {
        return start(port, dataDirectory, StoreCredentials.generated());
    }

    /**
     * Starts Redis on the given port with the services' users. With a data directory it snapshots there (RDB) so
     * carts survive a restart; without one it keeps nothing on disk.
     */
    public static RedisStore start(int port, Path dataDirectory, StoreCredentials credentials) {
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
            RedisAcl.configLines(credentials).forEach(builder::setting);
            RedisServer server = builder.build();
            server.start();
            return new RedisStore(server, "redis://127.0.0.1:" + chosen, credentials);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + chosen + ": " + e.getMessage(), e);
        }
    }

    public static RedisStore external(String url) {
        return new RedisStore(null, url, null);
    }

    /**
     * Where {@code component} connects, logged in as its own user on the embedded server (as the administrator when
     * it has none, as tests of shared code do); an external server's URL as it was given.
     */
    public String urlFor(String component) {
        if (credentials == null) {
            return url;
        }
        return RedisUser.of(component)
                .map(user -> withLogin(user.name(), credentials.redisPassword(user.name())))
                .orElseGet(this::adminUrl);
    }

    /** The embedded server's URL with the administrator's login; an external server's URL as it was given. */
    public String adminUrl() {
        return credentials == null ? url : withLogin(RedisAcl.ADMIN, credentials.redisAdminPassword());
    }

    /** The generated passwords are URL-safe Base64, so they need no escaping in a URL. */
    private String withLogin(String user, String password) {
        return "redis://" + user + ":" + password + "@" + url.substring("redis://".length());
    }

    /** Empties every database: tests call it between test classes. */
    public void flushAll() {
        URI uri = URI.create(adminUrl());
        try (RespConnection connection = RespConnection.open(uri.getHost(), uri.getPort())) {
            String login = uri.getUserInfo();
            if (login != null) {
                int colon = login.indexOf(':');
                if (colon < 0) {
                    connection.call("AUTH", login);
                } else if (colon == 0) {
                    connection.call("AUTH", login.substring(1));
                } else {
                    connection.call("AUTH", login.substring(0, colon), login.substring(colon + 1));
                }
            }
            Object reply = connection.call("FLUSHALL");
            if (!"OK".equals(reply)) {
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

    /** Where the server listens, without any login: fit for a log line. */
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
