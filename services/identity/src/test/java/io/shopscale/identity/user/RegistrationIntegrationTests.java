package io.shopscale.identity.user;

import static io.shopscale.identity.IdentityClient.STRONG_PASSWORD;
import static io.shopscale.identity.IdentityClient.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopscale.identity.IdentityClient;
import io.shopscale.testsupport.RealStoresTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@RealStoresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = IdentityClient.ADMIN_PASSWORD_PROPERTY)
class RegistrationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private IdentityClient client;

    @BeforeEach
    void client() {
        client = new IdentityClient(port);
    }

    @Test
    void registeringCreatesAUserWithTheUserRoleOnly() {
        String email = uniqueEmail();

        HttpResponse<String> response = client.register(email, STRONG_PASSWORD, "Ann Lee");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = client.json(response).get("userId").asString();
        assertThat(response.headers().firstValue("Location")).contains("/api/users/" + id);
        assertThat(client.json(response).propertyNames()).containsExactly("userId");
        Map<String, Object> row = jdbc.sql("SELECT email, name, password_hash, array_to_string(roles, ',') AS roles "
                        + "FROM users WHERE id = :id")
                .param("id", UUID.fromString(id)).query().singleRow();
        assertThat(row).containsEntry("email", email).containsEntry("name", "Ann Lee").containsEntry("roles", "USER");
        assertThat((String) row.get("password_hash")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$")
                .doesNotContain(STRONG_PASSWORD);
    }

    @Test
    void theEmailIsStoredNormalised() {
        String email = uniqueEmail();

        HttpResponse<String> response = client.register("  " + email.toUpperCase() + " ", STRONG_PASSWORD, "Ann");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT email FROM users WHERE id = :id")
                .param("id", UUID.fromString(client.json(response).get("userId").asString()))
                .query(String.class).single()).isEqualTo(email);
    }

    @Test
    void anEmailCanBeRegisteredOnlyOnceWhateverItsCase() {
        String email = uniqueEmail();
        client.registerUser(email);

        for (String again : List.of(email, email.toUpperCase(), " " + email.substring(0, 1).toUpperCase()
                + email.substring(1) + "\t")) {
            HttpResponse<String> response = client.register(again, "another-Strong-pass-77", "Somebody Else");
            JsonNode problem = client.assertProblem(response, 409, null);
            assertThat(problem.get("detail").asString()).isEqualTo("email already registered");
            assertThat(response.body()).doesNotContain("Test User");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = :email").param("email", email)
                .query(Long.class).single()).isOne();
    }

    @Test
    void weakPasswordsAreRefusedNamingTheRule() {
        assertWeak("short-Pw-1", "too-short", "at least 12");
        assertWeak("k9#Lm2$pQ7!z".repeat(11), "too-long", "at most 128");
        assertWeak("Password2024!", "common", "common");
        assertWeak("qwertyuiop123", "common", "common");
        assertWeak("abcabcabcabc", "common", "common");
    }

    @Test
    void aPasswordMustNotContainTheEmailsLocalPart() {
        String email = uniqueEmail();
        String local = email.substring(0, email.indexOf('@'));

        HttpResponse<String> response = client.register(email, "My-" + local.toUpperCase() + "-pass", "Ann");

        JsonNode problem = client.assertProblem(response, 400, "password");
        assertThat(problem.get("rule").asString()).isEqualTo("contains-email");
    }

    private void assertWeak(String password, String rule, String detail) {
        String email = uniqueEmail();
        HttpResponse<String> response = client.register(email, password, "Ann");

        JsonNode problem = client.assertProblem(response, 400, "password");
        assertThat(problem.get("rule").asString()).isEqualTo(rule);
        assertThat(problem.get("detail").asString()).contains(detail);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = :email").param("email", email)
                .query(Long.class).single()).isZero();
    }
}
