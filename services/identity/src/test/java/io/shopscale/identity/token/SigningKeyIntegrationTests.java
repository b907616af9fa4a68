package io.shopscale.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopscale.identity.FreshDatabase;
import io.shopscale.identity.IdentityClient;
import io.shopscale.identity.IdentityProperties;
import io.shopscale.identity.TestProperties;
import io.shopscale.testsupport.RealStoresTest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@RealStoresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = IdentityClient.ADMIN_PASSWORD_PROPERTY)
class SigningKeyIntegrationTests {

    private static final String SECRET = "integration-test-secret-0123456789abcdef";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeyRing keys;

    @Test
    void theJwksPublishesThePublicHalfOfTheStoredKey() {
        IdentityClient client = new IdentityClient(port);

        HttpResponse<String> response = client.get("/.well-known/jwks.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).contains("max-age=300, public");
        JsonNode jwks = client.json(response);
        assertThat(jwks.get("keys")).hasSize(1);
        JsonNode key = jwks.get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.get("alg").asString()).isEqualTo("RS256");
        assertThat(key.get("use").asString()).isEqualTo("sig");
        assertThat(key.get("kid").asString()).isEqualTo(keys.signingKey().getKeyID());
        assertThat(key.has("n") && key.has("e")).isTrue();
        for (String secret : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertThat(key.has(secret)).as(secret).isFalse();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM signing_key").query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT kid FROM signing_key WHERE active").query(String.class).single())
                .isEqualTo(keys.signingKey().getKeyID());
    }

    @Test
    void aRestartedInstanceReusesTheStoredKey() {
        JdbcClient database = FreshDatabase.create();
        SigningKeyRepository repository = new SigningKeyRepository(database);

        String first = keyRing(repository, null).signingKey().getKeyID();
        String afterRestart = keyRing(repository, null).signingKey().getKeyID();

        assertThat(afterRestart).isEqualTo(first);
        assertThat(repository.count()).isOne();
    }

    @Test
    void instancesStartingTogetherAgreeOnOneKey() throws Exception {
        SigningKeyRepository repository = new SigningKeyRepository(FreshDatabase.create());
        int instances = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> kids = new ArrayList<>();

        try (ExecutorService executor = Executors.newFixedThreadPool(instances)) {
            for (int i = 0; i < instances; i++) {
                kids.add(executor.submit(() -> {
                    start.await();
                    return keyRing(repository, null).signingKey().getKeyID();
                }));
            }
            start.countDown();
            List<String> agreed = new ArrayList<>();
            for (Future<String> kid : kids) {
                agreed.add(kid.get());
            }
            assertThat(agreed).hasSize(instances).containsOnly(agreed.getFirst());
        }
        assertThat(repository.count()).isOne();
    }

    @Test
    void withASecretThePrivateKeyIsStoredEncrypted() {
        JdbcClient database = FreshDatabase.create();
        SigningKeyRepository repository = new SigningKeyRepository(database);

        String kid = keyRing(repository, SECRET).signingKey().getKeyID();

        StoredSigningKey stored = repository.findPublished().getFirst();
        assertThat(stored.protection()).isEqualTo("aes-256-gcm");
        assertThatThrownBy(() -> KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(stored.privateKey()))).isInstanceOf(Exception.class);
        assertThat(keyRing(repository, SECRET).signingKey().getKeyID()).isEqualTo(kid);
        assertThatThrownBy(() -> keyRing(repository, null).signingKey())
                .hasMessageContaining("SHOPSCALE_IDENTITY_KEY_SECRET");
    }

    private static KeyRing keyRing(SigningKeyRepository repository, String secret) {
        IdentityProperties properties = TestProperties.withKeySecret(TestProperties.defaults(), secret);
        KeyRing ring = new KeyRing(repository, new PrivateKeyProtector(secret), properties, Clock.systemUTC());
        ring.afterSingletonsInstantiated();
        return ring;
    }
}
