package io.shopscale.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The services' Redis users on a real embedded server: each reaches its own keys and nobody else's. */
class RedisAclIntegrationTests {

    /** A key each service really writes, by the prefix its code uses. */
    private static final List<String> KEYS = List.of(
            "request_rate_limiter.{api.203.0.113.7}.tokens",
            "identity:login-throttle:v2:account:0f1e2d",
            "cart:user-42",
            "catalog:product:v2:7d1c");

    private static RedisStore redis;

    @BeforeAll
    static void start() {
        redis = RedisStore.start(0, null, StoreCredentials.generated());
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void eachUserWritesReadsAndScriptsItsOwnKeys() throws IOException {
        for (int i = 0; i < RedisUser.SERVICES.size(); i++) {
            RedisUser user = RedisUser.SERVICES.get(i);
            String key = KEYS.get(i);
            try (RespConnection connection = loggedIn(user.name())) {
                assertThat(connection.call("SET", key, "mine")).isEqualTo("OK");
                assertThat(connection.call("GET", key)).isEqualTo("mine");
                assertThat(connection.call("EVAL", "return redis.call('INCR', KEYS[1] .. ':n')", "1", key))
                        .isEqualTo(1L);
                assertThat(connection.call("PEXPIRE", key, "60000")).isEqualTo(1L);
                assertThat(connection.call("DEL", key, key + ":n")).isEqualTo(2L);
            }
        }
    }

    @Test
    void noUserReachesAnotherServicesKeys() throws IOException {
        try (RespConnection identity = loggedIn("identity")) {
            identity.call("SET", "identity:login-throttle:v2:account:0f1e2d", "3");
        }
        try (RespConnection cart = loggedIn("cart")) {
            assertThatThrownBy(() -> cart.call("GET", "identity:login-throttle:v2:account:0f1e2d"))
                    .isInstanceOf(RespConnection.ErrorReply.class).hasMessageStartingWith("NOPERM");
        }

        for (int i = 0; i < RedisUser.SERVICES.size(); i++) {
            RedisUser user = RedisUser.SERVICES.get(i);
            try (RespConnection connection = loggedIn(user.name())) {
                for (int j = 0; j < KEYS.size(); j++) {
                    if (i == j) {
                        continue;
                    }
                    String other = KEYS.get(j);
                    assertNoPermission(connection, user.name() + " GET " + other, "GET", other);
                    assertNoPermission(connection, user.name() + " SET " + other, "SET", other, "x");
                    assertNoPermission(connection, user.name() + " DEL " + other, "DEL", other);
                    // A script may only touch the keys its caller may, declared or not.
                    assertNoPermission(connection, user.name() + " EVAL on " + other,
                            "EVAL", "return redis.call('GET', KEYS[1])", "1", other);
                    assertThatThrownBy(() -> connection.call("EVAL", "return redis.call('GET', ARGV[1])", "0", other))
                            .as(user.name() + " EVAL hiding " + other)
                            .isInstanceOf(RespConnection.ErrorReply.class).hasMessageContaining("can't access");
                }
                assertNoPermission(connection, user.name() + " unprefixed", "GET", "session:admin");
                assertNoPermission(connection, user.name() + " PUBLISH", "PUBLISH", "orders", "x");
            }
        }
    }

    @Test
    void serviceUsersRunNoCommandThatReachesEveryKeyOrTheServer() throws IOException {
        List<List<String>> forbidden = List.of(
                List.of("FLUSHALL"), List.of("FLUSHDB"), List.of("KEYS", "*"), List.of("SCAN", "0"),
                List.of("RANDOMKEY"), List.of("CONFIG", "GET", "*"), List.of("ACL", "LIST"), List.of("DEBUG", "SLEEP", "0"),
                List.of("CLIENT", "LIST"), List.of("MONITOR"), List.of("SHUTDOWN"), List.of("SCRIPT", "FLUSH"),
                List.of("SWAPDB", "0", "1"), List.of("SORT", "cart:x", "BY", "identity:*"));
        for (RedisUser user : RedisUser.SERVICES) {
            try (RespConnection connection = loggedIn(user.name())) {
                for (List<String> command : forbidden) {
                    assertNoPermission(connection, user.name() + " " + command, command.toArray(String[]::new));
                }
                if (user.extraCommands().contains("info")) {
                    assertThat((String) connection.call("INFO", "server")).contains("redis_version:");
                } else {
                    assertNoPermission(connection, user.name() + " INFO", "INFO");
                }
            }
        }
    }

    @Test
    void withoutLoggingInNothingRunsAndTheDefaultUserIsOff() throws IOException {
        URI uri = URI.create(redis.connectionString());
        try (RespConnection anonymous = RespConnection.open(uri.getHost(), uri.getPort())) {
            assertThatThrownBy(() -> anonymous.call("GET", "cart:user-42"))
                    .isInstanceOf(RespConnection.ErrorReply.class).hasMessageStartingWith("NOAUTH");
            assertThatThrownBy(() -> anonymous.call("AUTH", "default", ""))
                    .isInstanceOf(RespConnection.ErrorReply.class);
            assertThatThrownBy(() -> anonymous.call("AUTH", "cart", "guess"))
                    .isInstanceOf(RespConnection.ErrorReply.class).hasMessageContaining("WRONGPASS");
        }
        assertThat(redis.connectionString()).doesNotContain("@");
    }

    @Test
    void theUsersSurviveARestartAndTheAdministratorEmptiesEverything() throws IOException {
        redis.stop();
        redis.restart();

        try (RespConnection cart = loggedIn("cart")) {
            cart.call("SET", "cart:user-7", "1");
            assertNoPermission(cart, "cart after a restart", "GET", "catalog:product:v2:7d1c");
        }
        redis.flushAll();
        try (RespConnection cart = loggedIn("cart")) {
            assertThat(cart.call("GET", "cart:user-7")).isNull();
        }
    }

    private static void assertNoPermission(RespConnection connection, String what, String... command) {
        assertThatThrownBy(() -> connection.call(command)).as(what)
                .isInstanceOf(RespConnection.ErrorReply.class).hasMessageStartingWith("NOPERM");
    }

    /** Connects with the login that {@link RedisStore#urlFor} hands the component. */
    private static RespConnection loggedIn(String component) throws IOException {
        URI uri = URI.create(redis.urlFor(component));
        String[] login = uri.getUserInfo().split(":", 2);
        assertThat(login[0]).isEqualTo(component);
        RespConnection connection = RespConnection.open(uri.getHost(), uri.getPort());
        assertThat(connection.call("AUTH", login[0], login[1])).isEqualTo("OK");
        return connection;
    }
}
