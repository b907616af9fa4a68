package io.shopscale.identity.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopscale.identity.FreshDatabase;
import io.shopscale.identity.IdentityClient;
import io.shopscale.identity.IdentityProperties;
import io.shopscale.identity.TestProperties;
import io.shopscale.identity.password.CommonPasswords;
import io.shopscale.identity.password.PasswordHasher;
import io.shopscale.identity.password.PasswordPolicy;
import io.shopscale.testsupport.RealStoresTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

@RealStoresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = IdentityClient.ADMIN_PASSWORD_PROPERTY)
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapIntegrationTests {

    private static final PasswordHasher HASHER = new PasswordHasher(TestProperties.defaults());

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdminBootstrap bootstrap;

    @Autowired
    UserRepository users;

    @Autowired
    Registration registration;

    @Test
    void theConfiguredAdministratorExistsOnceAndLogsInAsUserAndAdmin() {
        IdentityClient client = new IdentityClient(port);

        assertThat(bootstrap.ensureAdmin()).isFalse();

        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE 'ADMIN' = ANY (roles)").query(Long.class).single())
                .isOne();
        String token = client.token("admin@shopscale.local", IdentityClient.ADMIN_PASSWORD);
        JsonNode claims = client.json(client.getWithToken("/api/auth/me", token));
        assertThat(claims.get("roles").toString()).isEqualTo("[\"USER\",\"ADMIN\"]");
        assertThat(NimbusJwtDecoder.withJwkSetUri(client.baseUrl() + "/.well-known/jwks.json").build().decode(token)
                .getClaimAsStringList("roles")).containsExactly("USER", "ADMIN");
        HttpResponse<String> takeover = client.register(" ADMIN@shopscale.local", "plum-orbit-Cascade-93", "Mallory");
        client.assertProblem(takeover, 409, null);
    }

    @Test
    void withoutAConfiguredPasswordOneIsGeneratedIntoAFileOnlyItsOwnerCanReadAndNeverLogged(CapturedOutput output,
            @TempDir Path dir) throws IOException {
        UserRepository repository = new UserRepository(FreshDatabase.create());
        Path file = dir.resolve("secrets/admin-password");
        IdentityProperties properties = generating("root@shop.example", file);

        assertThat(bootstrap(repository, properties).ensureAdmin()).isTrue();
        assertThat(bootstrap(repository, properties).ensureAdmin()).isFalse();

        String password = Files.readString(file).strip();
        assertThat(password).matches("[A-Za-z0-9_-]{32}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.list(file.getParent())).as("no pending file left behind").containsExactly(file);
        assertThat(output.getAll()).doesNotContain(password)
                .contains("SHOPSCALE ADMIN ACCOUNT", "WARN", "written to", file.toString());
        UserAccount admin = repository.findByEmail(new EmailAddress("root@shop.example")).orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.USER, Role.ADMIN);
        assertThat(HASHER.matches(password, admin.passwordHash())).isTrue();
        assertThat(repository.countWithRole(Role.ADMIN)).isOne();
    }

    @Test
    void theGeneratedPasswordInTheFileLogsInAsAdministrator(@TempDir Path dir) throws IOException {
        String email = "generated-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        Path file = dir.resolve("admin-password");
        try {
            assertThat(new AdminBootstrap(users, registration, generating(email, file)).ensureAdmin()).isTrue();
            IdentityClient client = new IdentityClient(port);

            String token = client.token(email, Files.readString(file).strip());

            JsonNode claims = client.json(client.getWithToken("/api/auth/me", token));
            assertThat(claims.get("roles").toString()).isEqualTo("[\"USER\",\"ADMIN\"]");
        } finally {
            // The shared database keeps exactly one administrator for the other tests.
            jdbc.sql("DELETE FROM users WHERE email = ?").param(email).update();
        }
    }

    @Test
    void instancesStartingTogetherWithoutAPasswordLeaveTheCreatorsPasswordInTheFile(@TempDir Path dir)
            throws Exception {
        UserRepository repository = new UserRepository(FreshDatabase.create());
        Path file = dir.resolve("admin-password");
        IdentityProperties properties = generating("boss@shop.example", file);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> created = new ArrayList<>();

        try (ExecutorService executor = Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < 3; i++) {
                created.add(executor.submit(() -> {
                    start.await();
                    return bootstrap(repository, properties).ensureAdmin();
                }));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> result : created) {
                results.add(result.get());
            }
            assertThat(results).containsOnlyOnce(true);
        }
        UserAccount admin = repository.findByEmail(new EmailAddress("boss@shop.example")).orElseThrow();
        assertThat(HASHER.matches(Files.readString(file).strip(), admin.passwordHash())).isTrue();
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void aPasswordFileThatCannotBeWrittenStopsTheStartBeforeTheAccountExists(@TempDir Path dir) throws IOException {
        UserRepository repository = new UserRepository(FreshDatabase.create());
        Path notADirectory = Files.writeString(dir.resolve("occupied"), "a file, not a directory");
        IdentityProperties properties = generating("admin@shop.example", notADirectory.resolve("admin-password"));

        assertThatThrownBy(() -> bootstrap(repository, properties).ensureAdmin())
                .hasMessageContaining("cannot write the generated administrator password")
                .hasMessageContaining("SHOPSCALE_ADMIN_PASSWORD");
        assertThat(repository.countWithRole(Role.ADMIN)).isZero();
    }

    @Test
    void instancesStartingTogetherCreateOneAdministrator() throws Exception {
        UserRepository repository = new UserRepository(FreshDatabase.create());
        IdentityProperties properties = TestProperties.withAdmin(TestProperties.defaults(), "boss@shop.example",
                "plum-orbit-Cascade-93");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> created = new ArrayList<>();

        try (ExecutorService executor = Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < 3; i++) {
                created.add(executor.submit(() -> {
                    start.await();
                    return bootstrap(repository, properties).ensureAdmin();
                }));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> result : created) {
                results.add(result.get());
            }
            assertThat(results).containsOnlyOnce(true);
        }
        assertThat(repository.countWithRole(Role.ADMIN)).isOne();
    }

    @Test
    void anExistingUserWithTheAdministratorsEmailIsNeverPromoted() {
        UserRepository repository = new UserRepository(FreshDatabase.create());
        IdentityProperties properties = TestProperties.withAdmin(TestProperties.defaults(), "chief@shop.example",
                "plum-orbit-Cascade-93");
        Registration registration = registration(repository);
        registration.register(new Registration.NewAccount(new EmailAddress("chief@shop.example"),
                "squatter-Password-77", new DisplayName("Squatter")));

        assertThat(bootstrap(repository, properties).ensureAdmin()).isFalse();

        assertThat(repository.countWithRole(Role.ADMIN)).isZero();
    }

    @Test
    void aWeakConfiguredPasswordStopsTheStartWithoutBeingLogged(CapturedOutput output) {
        UserRepository repository = new UserRepository(FreshDatabase.create());
        IdentityProperties properties = TestProperties.withAdmin(TestProperties.defaults(), "admin@shop.example",
                "Password2024!");

        assertThatThrownBy(() -> bootstrap(repository, properties).ensureAdmin())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SHOPSCALE_ADMIN_PASSWORD").hasMessageNotContaining("Password2024!");
        assertThat(output.getAll()).doesNotContain("Password2024!");
        assertThat(repository.countWithRole(Role.ADMIN)).isZero();
    }

    private static IdentityProperties generating(String email, Path passwordFile) {
        return TestProperties.withAdminPasswordFile(
                TestProperties.withAdmin(TestProperties.defaults(), email, null), passwordFile.toString());
    }

    private static AdminBootstrap bootstrap(UserRepository repository, IdentityProperties properties) {
        return new AdminBootstrap(repository, registration(repository), properties);
    }

    private static Registration registration(UserRepository repository) {
        return new Registration(repository, new PasswordPolicy(new CommonPasswords()), HASHER, Clock.systemUTC());
    }
}
