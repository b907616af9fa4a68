package io.shopscale.psp;

import static io.shopscale.psp.PspClient.assertProblem;
import static io.shopscale.psp.PspClient.chargeBody;
import static io.shopscale.psp.PspClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every admin endpoint answers only the admin token; health and metrics on the same port stay open. */
class AdminAuthenticationSystemTests extends RunningSimulatorTests {

    private static final List<String[]> ENDPOINTS = List.of(
            new String[] {"GET", "/admin/settings", null},
            new String[] {"PATCH", "/admin/settings", "{\"outage\": true}"},
            new String[] {"PUT", "/admin/settings", "{\"declineRate\": 1}"},
            new String[] {"DELETE", "/admin/settings", null},
            new String[] {"DELETE", "/admin/charges", null});

    @Test
    void withoutATokenEveryAdminEndpointIsUnauthorizedAndChangesNothing() {
        JsonNode before = json(psp.admin("GET", "/admin/settings", null), 200);
        String order = fresh("order");
        psp.chargeForOrder(order);

        for (String[] endpoint : ENDPOINTS) {
            assertUnauthorized(psp.adminWith(null, endpoint[0], endpoint[1], endpoint[2]));
        }

        assertThat(json(psp.admin("GET", "/admin/settings", null), 200)).isEqualTo(before);
        assertThat(psp.chargesFor(order)).hasSize(1);
    }

    @Test
    void aWrongTokenIsRefusedAlike() {
        String order = fresh("order");
        psp.chargeForOrder(order);
        String almost = ADMIN_TOKEN.substring(0, ADMIN_TOKEN.length() - 1);
        List<String> wrong = List.of("Bearer " + almost, "Bearer " + ADMIN_TOKEN + "x", "Bearer x" + ADMIN_TOKEN,
                "Bearer " + ADMIN_TOKEN.toUpperCase(), "Bearer", "Bearer ", "Basic " + ADMIN_TOKEN, ADMIN_TOKEN,
                "Bearer " + "x".repeat(4_000));

        for (String authorization : wrong) {
            for (String[] endpoint : ENDPOINTS) {
                assertUnauthorized(psp.adminWith(authorization, endpoint[0], endpoint[1], endpoint[2]));
            }
        }

        assertThat(psp.chargesFor(order)).hasSize(1);
        assertThat(json(psp.admin("GET", "/admin/settings", null), 200).get("outage").asBoolean()).isFalse();
    }

    @Test
    void theTokenOpensEveryAdminEndpointWhicheverWayTheSchemeIsWritten() {
        String order = fresh("order");
        psp.chargeForOrder(order);

        for (String scheme : Arrays.asList("Bearer ", "bearer ", "BEARER  ")) {
            HttpResponse<String> settings = psp.adminWith(scheme + ADMIN_TOKEN, "PATCH", "/admin/settings",
                    "{\"latency\": \"10ms\"}");
            assertThat(json(settings, 200).get("latency").asString()).isEqualTo("10ms");
        }
        assertThat(psp.admin("DELETE", "/admin/charges", null).statusCode()).isEqualTo(204);
        assertThat(psp.chargesFor(order)).isEmpty();
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        HttpResponse<String> health = psp.adminWith(null, "GET", "/actuator/health/readiness", null);
        HttpResponse<String> metrics = psp.adminWith(null, "GET", "/actuator/prometheus", null);

        assertThat(json(health, 200).get("status").asString()).isEqualTo("UP");
        assertThat(metrics.statusCode()).isEqualTo(200);
    }

    @Test
    void theChargePortNeedsNoAdminToken() {
        assertThat(json(psp.charge(fresh("key"), chargeBody(100, fresh("order"))), 200).get("status").asString())
                .isEqualTo("succeeded");
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        JsonNode problem = assertProblem(response, 401, null);
        assertThat(problem.get("title").asString()).isEqualTo("Unauthorized");
        assertThat(problem.get("detail").asString()).contains("Authorization: Bearer");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"psp-admin\"");
        assertThat(response.body()).doesNotContain(ADMIN_TOKEN);
    }
}
