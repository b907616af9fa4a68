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
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;
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

    @Test
    void keysAnEarlierVersionStoredUnencryptedAreEncryptedAtStartAndStillSignTokensThatVerifyUnderTheirKid()
            throws Exception {
        DataSource database = FreshDatabase.createDataSource();
        KeyPair active = rsaKeyPair();
        KeyPair retired = rsaKeyPair();
        String kid = insertUnencrypted(database, active, true);
        String retiredKid = insertUnencrypted(database, retired, false);

        KeyRing ring = keyRing(database, SECRET);

        assertThat(protections(database)).containsOnly("aes-256-gcm").hasSize(2);
        for (StoredSigningKey stored : allKeys(database)) {
            KeyPair original = stored.kid().equals(kid) ? active : retired;
            assertThat(stored.privateKey()).as(stored.kid()).isNotEqualTo(original.getPrivate().getEncoded());
            assertThat(protector(SECRET).open(stored.kid(), stored.protection(), stored.privateKey()))
                    .isEqualTo(original.getPrivate().getEncoded());
        }
        assertThat(allKeys(database)).extracting(StoredSigningKey::kid).containsExactlyInAnyOrder(kid, retiredKid);
        assertThat(ring.signingKey().getKeyID()).isEqualTo(kid);
        Jwt token = verifiedWith((RSAPublicKey) active.getPublic(), issue(ring));
        assertThat(token.getHeaders()).containsEntry("kid", kid);
        assertThat(keyRing(database, SECRET).signingKey().getKeyID()).as("after a restart").isEqualTo(kid);
    }

    @Test
    void instancesUpgradingTogetherEncryptTheKeyOnceAndAllSignWithIt() throws Exception {
        DataSource database = FreshDatabase.createDataSource();
        KeyPair pair = rsaKeyPair();
        String kid = insertUnencrypted(database, pair, true);

        List<String> kids = startTogether(database, 4);

        assertThat(kids).hasSize(4).containsOnly(kid);
        StoredSigningKey stored = allKeys(database).getFirst();
        assertThat(stored.protection()).isEqualTo("aes-256-gcm");
        assertThat(protector(SECRET).open(kid, stored.protection(), stored.privateKey()))
                .as("encrypted once, not the encrypted form encrypted again")
                .isEqualTo(pair.getPrivate().getEncoded());
    }

    @Test
    void aWrongSecretStopsTheStartWithoutGeneratingAKeyOrEncryptingAnything() throws Exception {
        DataSource database = FreshDatabase.createDataSource();
        String kid = keyRing(database, SECRET).signingKey().getKeyID();
        insertUnencrypted(database, rsaKeyPair(), false);

        assertThatThrownBy(() -> keyRing(database, OTHER_SECRET))
                .isInstanceOf(WrongKeyEncryptionSecretException.class)
                .hasMessageContaining(kid).hasMessageContaining("SHOPSCALE_IDENTITY_KEY_SECRET")
                .hasMessageContaining("Start identity with the secret the key was stored with")
                .hasMessageNotContaining(SECRET).hasMessageNotContaining(OTHER_SECRET);

        assertThat(repository(database).count()).as("no new key").isEqualTo(2);
        assertThat(protections(database)).as("nothing encrypted with the wrong secret")
                .containsExactlyInAnyOrder("aes-256-gcm", "none");
        assertThat(keyRing(database, SECRET).signingKey().getKeyID()).isEqualTo(kid);
        assertThat(protections(database)).containsOnly("aes-256-gcm");
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

    /** A row as an earlier version wrote it without a secret: the PKCS#8 key as it is. */
    private static String insertUnencrypted(DataSource database, KeyPair pair, boolean active) throws Exception {
        String kid = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().computeThumbprint().toString();
        JdbcClient.create(database).sql("""
                        INSERT INTO signing_key (kid, algorithm, public_key, private_key, private_key_protection,
                                                 created_at, active, retired_at)
                        VALUES (?, 'RS256', ?, ?, 'none', ?, ?, ?)""")
                .params(kid, pair.getPublic().getEncoded(), pair.getPrivate().getEncoded(),
                        Timestamp.from(Instant.now()), active, active ? null : Timestamp.from(Instant.now()))
                .update();
        return kid;
    }

    private static List<StoredSigningKey> allKeys(DataSource database) {
        return JdbcClient.create(database).sql("""
                        SELECT kid, public_key, private_key, private_key_protection, created_at, active
                        FROM signing_key ORDER BY kid""")
                .query((rs, row) -> new StoredSigningKey(rs.getString("kid"), rs.getBytes("public_key"),
                        rs.getBytes("private_key"), rs.getString("private_key_protection"),
                        rs.getTimestamp("created_at").toInstant(), rs.getBoolean("active")))
                .list();
    }

    private static List<String> protections(DataSource database) {
        return allKeys(database).stream().map(StoredSigningKey::protection).toList();
    }

    private static String issue(KeyRing ring) {
        IdentityProperties properties = TestProperties.defaults();
        return new TokenIssuer(new TokenConfiguration().jwtEncoder(ring), properties, Clock.systemUTC())
                .issue(UUID.randomUUID(), List.of("USER")).value();
    }

    /** As a service verifies it with the key set it fetched before the upgrade. */
    private static Jwt verifiedWith(RSAPublicKey publicKey, String token) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey).build();
        decoder.setJwtValidator(TokenConfiguration.validator(TestProperties.defaults(), Clock.systemUTC()));
        return decoder.decode(token);
    }

    private static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
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
        PrivateKeyProtector protector = protector(secret);
        StoredKeyEncryption storedKeys = new StoredKeyEncryption(repository, protector,
                new TransactionTemplate(new JdbcTransactionManager(database)));
        KeyRing ring = new KeyRing(repository, protector, storedKeys, properties, Clock.systemUTC());
        ring.afterSingletonsInstantiated();
        return ring;
    }
}
