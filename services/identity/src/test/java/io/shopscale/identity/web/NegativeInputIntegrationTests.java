package io.shopscale.identity.web;

import static io.shopscale.identity.IdentityClient.STRONG_PASSWORD;
import static io.shopscale.identity.IdentityClient.uniqueAddress;
import static io.shopscale.identity.IdentityClient.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopscale.identity.IdentityClient;
import io.shopscale.testsupport.RealStoresTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whatever a client sends, the answer is a 4xx problem or a success, never a 500. */
@RealStoresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = IdentityClient.ADMIN_PASSWORD_PROPERTY)
class NegativeInputIntegrationTests {

    private static final String REGISTER = "/api/auth/register";
    private static final String LOGIN = "/api/auth/login";

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
    void malformedBodiesAreBadRequests() {
        for (String path : new String[] {REGISTER, LOGIN}) {
            for (String body : new String[] {"", "{", "{\"email\":", "not json", "[]", "\"a string\"", "42", "null",
                    "{\"email\":\"a@b.co\",}", "{\"email\":\"a@b.co\"} trailing", "{'email':'a@b.co'}"}) {
                client.assertProblem(client.post(path, body), 400, null);
            }
        }
    }

    @Test
    void wrongTypesNameTheField() {
        String email = uniqueEmail();
        client.assertProblem(client.post(REGISTER, "{\"email\":123,\"password\":\"" + STRONG_PASSWORD
                + "\",\"name\":\"Ann\"}"), 400, "email");
        client.assertProblem(client.post(REGISTER, "{\"email\":\"" + email + "\",\"password\":true,\"name\":\"Ann\"}"),
                400, "password");
        client.assertProblem(client.post(REGISTER, "{\"email\":\"" + email + "\",\"password\":123456789012345,"
                + "\"name\":\"Ann\"}"), 400, "password");
        client.assertProblem(client.post(REGISTER, "{\"email\":\"" + email + "\",\"password\":\"" + STRONG_PASSWORD
                + "\",\"name\":{\"first\":\"Ann\"}}"), 400, "name");
        client.assertProblem(client.post(REGISTER, "{\"email\":[\"" + email + "\"],\"password\":\"" + STRONG_PASSWORD
                + "\",\"name\":\"Ann\"}"), 400, "email");
        client.assertProblem(client.post(LOGIN, "{\"email\":\"" + email + "\",\"password\":12.5}"), 400, "password");
        client.assertProblem(client.post(LOGIN, "{\"email\":false,\"password\":\"x\"}"), 400, "email");
    }

    @Test
    void missingFieldsNameTheField() {
        String email = uniqueEmail();
        client.assertProblem(client.post(REGISTER, "{\"password\":\"" + STRONG_PASSWORD + "\",\"name\":\"Ann\"}"),
                400, "email");
        client.assertProblem(client.post(REGISTER, "{\"email\":\"" + email + "\",\"name\":\"Ann\"}"), 400, "password");
        client.assertProblem(client.post(REGISTER, "{\"email\":\"" + email + "\",\"password\":\"" + STRONG_PASSWORD
                + "\"}"), 400, "name");
        client.assertProblem(client.post(REGISTER, "{\"email\":null,\"password\":\"" + STRONG_PASSWORD
                + "\",\"name\":\"Ann\"}"), 400, "email");
        client.assertProblem(client.post(REGISTER, "{}"), 400, "email");
        client.assertProblem(client.post(LOGIN, "{\"password\":\"x\"}"), 400, "email");
        client.assertProblem(client.post(LOGIN, "{\"email\":\"" + email + "\"}"), 400, "password");
        client.assertProblem(client.post(LOGIN, "{\"email\":\"" + email + "\",\"password\":\"\"}"), 400, "password");
    }

    @Test
    void extraFieldsAreRefusedSoNobodyChoosesTheirOwnRoleOrId() {
        String email = uniqueEmail();
        String chosenId = UUID.randomUUID().toString();
        String fields = "\"email\":\"" + email + "\",\"password\":\"" + STRONG_PASSWORD + "\",\"name\":\"Mallory\"";

        client.assertProblem(client.post(REGISTER, "{" + fields + ",\"roles\":[\"ADMIN\"]}"), 400, "roles");
        client.assertProblem(client.post(REGISTER, "{" + fields + ",\"role\":\"ADMIN\"}"), 400, "role");
        client.assertProblem(client.post(REGISTER, "{" + fields + ",\"id\":\"" + chosenId + "\"}"), 400, "id");
        client.assertProblem(client.post(REGISTER, "{" + fields + ",\"userId\":\"" + chosenId + "\"}"), 400, "userId");
        client.assertProblem(client.post(REGISTER, "{" + fields + ",\"passwordHash\":\"x\"}"), 400, "passwordHash");
        client.assertProblem(client.post(REGISTER, "{" + fields + ",\"email\":\"admin@shopscale.local\"}"), 400, null);
        client.assertProblem(client.post(LOGIN, "{\"email\":\"" + email + "\",\"password\":\"x\",\"roles\":[]}"),
                400, "roles");
        assertThat(count("email = '" + email + "'")).isZero();

        HttpResponse<String> plain = client.post(REGISTER, "{" + fields + "}");
        assertThat(plain.statusCode()).isEqualTo(201);
        String id = client.json(plain).get("userId").asString();
        assertThat(id).isNotEqualTo(chosenId);
        assertThat(jdbc.sql("SELECT array_to_string(roles, ',') FROM users WHERE id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single()).isEqualTo("USER");
    }

    @Test
    void oversizedValuesAreRefused() {
        String tenKb = "x".repeat(10_240);
        client.assertProblem(client.register(uniqueEmail(), STRONG_PASSWORD, tenKb), 400, "name");
        client.assertProblem(client.register(tenKb + "@example.com", STRONG_PASSWORD, "Ann"), 400, "email");
        client.assertProblem(client.register(uniqueEmail(), "Aa1-" + tenKb, "Ann"), 400, "password");
        client.assertProblem(client.login(tenKb + "@example.com", STRONG_PASSWORD, uniqueAddress()), 400, "email");
        client.assertProblem(client.login(uniqueEmail(), tenKb, uniqueAddress()), 400, "password");
        String megabyte = "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"" + STRONG_PASSWORD + "\",\"name\":\""
                + "n".repeat(1_048_576) + "\"}";
        assertThat(client.post(REGISTER, megabyte).statusCode()).isBetween(400, 499);
    }

    @Test
    void unicodeEdgeCasesNeverBreakTheService() {
        // Emoji (with zero-width joiners) in a name are fine, and so is an emoji password.
        assertThat(client.register(uniqueEmail(), STRONG_PASSWORD,
                "Sam \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \uD83C\uDF35").statusCode()).isEqualTo(201);
        String emojiPassword = "\uD83C\uDF35\uD83D\uDE80\uD83C\uDF89\uD83E\uDD84\uD83C\uDF0A\uD83D\uDD11".repeat(2);
        String emojiUser = uniqueEmail();
        assertThat(client.register(emojiUser, emojiPassword, "Emoji").statusCode()).isEqualTo(201);
        assertThat(client.login(emojiUser, emojiPassword, uniqueAddress()).statusCode()).isEqualTo(200);

        client.assertProblem(client.post(REGISTER, body(uniqueEmail(), STRONG_PASSWORD, "Ann\\u0000Lee")), 400, "name");
        client.assertProblem(client.register(uniqueEmail(), STRONG_PASSWORD, "Ann\u202Eeel"), 400, "name");
        client.assertProblem(client.post(REGISTER, body(uniqueEmail(), STRONG_PASSWORD, "Ann\\ud800")), 400, "name");
        client.assertProblem(client.register("\u0430dmin@shopscale.local", STRONG_PASSWORD, "Homoglyph"), 400, "email");
        client.assertProblem(client.register("admin@shopsc\u0430le.local", STRONG_PASSWORD, "Homoglyph"), 400, "email");
        client.assertProblem(client.register("\u212Adam@example.com", STRONG_PASSWORD, "Kelvin"), 400, "email");
        client.assertProblem(client.post(REGISTER, body("ann\\u0000@example.com", STRONG_PASSWORD, "Ann")), 400,
                "email");
        client.assertProblem(client.login("\u0430dmin@shopscale.local", IdentityClient.ADMIN_PASSWORD,
                uniqueAddress()), 401, null);

        // A NUL inside a password is just another character: it is hashed, never stored.
        String nulUser = uniqueEmail();
        HttpResponse<String> nulPassword = client.post(REGISTER, body(nulUser, "plum\\u0000orbit-Cascade-93", "Nul"));
        assertThat(nulPassword.statusCode()).isEqualTo(201);
        assertThat(client.post(LOGIN, "{\"email\":\"" + nulUser + "\",\"password\":\"plum\\u0000orbit-Cascade-93\"}",
                "X-Forwarded-For", uniqueAddress()).statusCode()).isEqualTo(200);
        client.assertProblem(client.post(REGISTER, body(uniqueEmail(), "plum-orbit-Cascade-93\\ud800", "Surrogate")),
                400, "password");
        client.assertProblem(client.post(LOGIN, "{\"email\":\"" + nulUser + "\",\"password\":\"\\udc00x\"}"), 400,
                "password");
    }

    @Test
    void duplicateKeysAndWrongMediaTypesAreRefused() {
        String email = uniqueEmail();
        client.assertProblem(client.post(REGISTER, "{\"email\":\"" + email + "\",\"email\":\"admin@shopscale.local\","
                + "\"password\":\"" + STRONG_PASSWORD + "\",\"name\":\"Ann\"}"), 400, null);
        HttpResponse<String> text = send(HttpRequest.newBuilder(URI.create(client.baseUrl() + REGISTER))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build());
        client.assertProblem(text, 415, null);
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(client.baseUrl() + LOGIN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.co&password=x")).build());
        client.assertProblem(form, 415, null);
        assertThat(count("email = '" + email + "'")).isZero();
    }

    private static String body(String email, String password, String name) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"" + name + "\"}";
    }

    private long count(String where) {
        return jdbc.sql("SELECT count(*) FROM users WHERE " + where).query(Long.class).single();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
