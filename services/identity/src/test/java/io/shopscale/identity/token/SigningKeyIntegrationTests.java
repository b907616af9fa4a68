package io.shopscale.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import io.shopscale.identity.FreshDatabase;
import io.shopscale.identity.IdentityClient;
import io.shopscale.identity.IdentityProperties;
import io.shopscale.identity.TestProperties;
import io.shopscale.testsupport.RealStoresTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
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
    private static final String OTHER_SECRET = "another-integration-secret-0123456789abc";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeyRing keys;

    @Autowired
    IdentityProperties properties;

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
    void startedWithoutASecretTheServiceEncryptsItsKeyWithTheOneInItsSecretFile() throws Exception {
        Path file = Path.of(properties.keys().encryptionSecretFile());
        String kid = keys.signingKey().getKeyID();
        StoredSigningKey stored = new SigningKeyRepository(jdbc).findPublished().getFirst();

        assertThat(properties.keys().encryptionSecret()).as("the tests set no secret").isNullOrEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(stored.kid()).isEqualTo(kid);
        assertThat(stored.protection()).isEqualTo("aes-256-gcm");
        assertThat(protector(Files.readString(file).strip()).open(kid, stored.protection(), stored.privateKey()))
                .isEqualTo(keys.signingKey().toRSAPrivateKey().getEncoded());
    }

    @Test
    void theStoredPrivateKeyIsNotThePkcs8KeyAndOpensOnlyWithTheSecret() throws Exception {
        DataSource database = FreshDatabase.createDataSource();

        RSAKey signingKey = keyRing(database, SECRET).signingKey();

        StoredSigningKey stored = repository(database).findPublished().getFirst();
        byte[] pkcs8 = signingKey.toRSAPrivateKey().getEncoded();
        assertThat(stored.protection()).isEqualTo("aes-256-gcm");
        assertThat(stored.privateKey()).isNotEqualTo(pkcs8);
        assertThatThrownBy(() -> KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(stored.privateKey()))).isInstanceOf(Exception.class);
        assertThat(protector(SECRET).open(stored.kid(), stored.protection(), stored.privateKey())).isEqualTo(pkcs8);
        assertThatThrownBy(() -> protector(OTHER_SECRET).open(stored.kid(), stored.protection(), stored.privateKey()))
                .isInstanceOf(WrongKeyEncryptionSecretException.class);
    }

    @Test
    void aRestartedInstanceReusesTheStoredKey() {
        DataSource database = FreshDatabase.createDataSource();

        String first = keyRing(database, SECRET).signingKey().getKeyID();
        String afterRestart = keyRing(database, SECRET).signingKey().getKeyID();

        assertThat(afterRestart).isEqualTo(first);
        assertThat(repository(database).count()).isOne();
    }

    @Test
    void instancesStartingTogetherAgreeOnOneKey() throws Exception {
        DataSource database = FreshDatabase.createDataSource();

        List<String> kids = startTogether(database, 4);

        assertThat(kids).hasSize(4).containsOnly(kids.getFirst());
        assertThat(repository(database).count()).isOne();
    }

    private static List<String> startTogether(DataSource database, int instances) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> kids = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(instances)) {
            for (int i = 0; i < instances; i++) {
                kids.add(executor.submit(() -> {
                    start.await();
                    return keyRing(database, SECRET).signingKey().getKeyID();
                }));
            }
            start.countDown();
            List<String> agreed = new ArrayList<>();
            for (Future<String> kid : kids) {
                agreed.add(kid.get());
            }
            return agreed;
        }
    }

    private static SigningKeyRepository repository(DataSource database) {
        return new SigningKeyRepository(JdbcClient.create(database));
    }

    private static PrivateKeyProtector protector(String secret) {
        return new PrivateKeyProtector(new KeyEncryptionSecret(secret, "the test's secret"));
    }

    /** An instance's start: the same database, its own components. */
    private static KeyRing keyRing(DataSource database, String secret) {
        IdentityProperties properties = TestProperties.withKeySecret(TestProperties.defaults(), secret);
        SigningKeyRepository repository = repository(database);
        KeyRing ring = new KeyRing(repository, protector(secret), properties, Clock.systemUTC());
        ring.afterSingletonsInstantiated();
        return ring;
    }
}
