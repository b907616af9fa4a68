package io.shopscale.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopscale.inventory.InventoryIntegrationTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stock over HTTP with the platform's security: public reads, admin-only restocks, problems for bad input. */
class StockApiIntegrationTests extends InventoryIntegrationTestBase {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    Flyway flyway;

    private static final String SEEDED = "'^(HKT|LGT|FRN|ELC|OUT|APP|FTW|SPF|BTY|TOY|BOK|PET|GRD)-[0-9]{5}$'";

    @Test
    void everyCatalogSkuIsStockedOnceWithTheHotOnesScarce() {
        int applied = flyway.migrate().migrationsExecuted;

        assertThat(applied).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM stock WHERE sku ~ " + SEEDED).query(Long.class).single())
                .isEqualTo(10_400);
        assertThat(jdbc.sql("SELECT sku FROM stock WHERE available = 10 AND sku ~ " + SEEDED + " ORDER BY sku")
                .query(String.class).list())
                .containsExactly("ELC-00001", "HKT-00001", "LGT-00001", "OUT-00001", "TOY-00001");
        assertThat(jdbc.sql("SELECT min(available) >= 100 AND max(available) <= 1000"
                        + " AND count(DISTINCT available) > 800 FROM stock WHERE available <> 10 AND sku ~ " + SEEDED)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM stock WHERE sku IN ('GRD-00800', 'BOK-00417', 'PET-00001')")
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void anyoneMaySeeWhatIsAvailable() throws Exception {
        HttpResponse<String> response = send("GET", "/api/inventory/HKT-00001", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("sku").asString()).isEqualTo("HKT-00001");
        assertThat(body.get("available").asInt()).isEqualTo(10);
        assertThat(body.has("reserved")).isFalse();
        // A token sent to a public endpoint is ignored, even an invalid one.
        assertThat(send("GET", "/api/inventory/HKT-00001", "not-a-token", null).statusCode()).isEqualTo(200);
    }

    @Test
    void readsOfUnknownOrMalformedSkusAreProblems() throws Exception {
        assertProblem(send("GET", "/api/inventory/ZZZ-99999", null, null), 404, null);
        assertProblem(send("GET", "/api/inventory/hkt-00001", null, null), 400, "sku");
        assertProblem(send("GET", "/api/inventory/HKT_00001", null, null), 400, "sku");
        assertProblem(send("GET", "/api/inventory/HKT--00001", null, null), 400, "sku");
        assertProblem(send("GET", "/api/inventory/" + "A".repeat(33), null, null), 400, "sku");
        assertProblem(send("GET", "/api/inventory/%3Cscript%3E", null, null), 400, "sku");
    }

    @Test
    void onlyAdminsRestock() throws Exception {
        String body = "{\"available\": 25, \"version\": 0}";
        String sku = newSku(3);

        assertProblem(send("PUT", "/api/admin/inventory/" + sku, null, body), 401, null);
        assertProblem(send("PUT", "/api/admin/inventory/" + sku, IDENTITY.token("user-1", "USER"), body), 403, null);
        assertProblem(send("GET", "/api/admin/inventory/" + sku, IDENTITY.token("user-1", "USER"), null), 403, null);
        assertThat(stock(sku)).isEqualTo(new Stock(3, 0, 0));

        HttpResponse<String> response = send("PUT", "/api/admin/inventory/" + sku, admin(), body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body())).isEqualTo(json.readTree(
                "{\"sku\":\"" + sku + "\",\"available\":25,\"reserved\":0,\"sold\":0,\"version\":1}"));
        assertThat(stock(sku)).isEqualTo(new Stock(25, 0, 0));
    }

    @Test
    void restockingSetsAvailableAndLeavesReservedAndSoldAlone() throws Exception {
        String sku = newSku(10);
        inventory().reserve(reserveRequest(newOrderId(), sku, 4));
        jdbc.sql("UPDATE stock SET sold = 2, available = available - 2, version = version + 1 WHERE sku = :sku")
                .param("sku", sku).update();
        long version = json.readTree(send("GET", "/api/admin/inventory/" + sku, admin(), null).body())
                .get("version").asLong();

        HttpResponse<String> response = send("PUT", "/api/admin/inventory/" + sku, admin(),
                "{\"available\": 100, \"version\": " + version + "}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stock(sku)).isEqualTo(new Stock(100, 4, 2));
        JsonNode level = json.readTree(send("GET", "/api/admin/inventory/" + sku, admin(), null).body());
        assertThat(level.get("reserved").asInt()).isEqualTo(4);
        assertThat(level.get("sold").asInt()).isEqualTo(2);
    }

    @Test
    void anUpdateBasedOnAStaleReadIsAConflictAndNeverErasesAReservation() throws Exception {
        String sku = newSku(10);
        String path = "/api/admin/inventory/" + sku;
        long read = json.readTree(send("GET", path, admin(), null).body()).get("version").asLong();
        inventory().reserve(reserveRequest(newOrderId(), sku, 3));

        HttpResponse<String> stale = send("PUT", path, admin(), "{\"available\": 50, \"version\": " + read + "}");

        JsonNode problem = assertProblem(stale, 409, null);
        assertThat(problem.get("current").get("available").asInt()).isEqualTo(7);
        assertThat(problem.get("current").get("reserved").asInt()).isEqualTo(3);
        assertThat(stock(sku)).isEqualTo(new Stock(7, 3, 0));
        long current = problem.get("current").get("version").asLong();
        HttpResponse<String> retried = send("PUT", path, admin(), "{\"available\": 50, \"version\": " + current + "}");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(stock(sku)).isEqualTo(new Stock(50, 3, 0));
    }

    @Test
    void aDeliveryAddsToWhatIsAvailableWhateverHappensMeanwhile() throws Exception {
        String sku = newSku(10);
        inventory().reserve(reserveRequest(newOrderId(), sku, 4));

        HttpResponse<String> response = send("POST", "/api/admin/inventory/" + sku + "/restock", admin(),
                "{\"quantity\": 25}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("available").asInt()).isEqualTo(31);
        assertThat(stock(sku)).isEqualTo(new Stock(31, 4, 0));
    }

    @Test
    void restockingANewSkuCreatesIt() throws Exception {
        String sku = "NEW-SKU-" + ProcessHandle.current().pid();

        assertThat(send("PUT", "/api/admin/inventory/" + sku, admin(), "{\"available\": 0, \"version\": 0}")
                .statusCode()).isEqualTo(200);

        JsonNode body = json.readTree(send("GET", "/api/inventory/" + sku, null, null).body());
        assertThat(body.get("available").asInt()).isZero();
        assertThat(stock(sku)).isEqualTo(new Stock(0, 0, 0));
    }

    @Test
    void badRestocksAreProblemsNotFailures() throws Exception {
        String sku = newSku(5);
        String path = "/api/admin/inventory/" + sku;

        assertProblem(send("PUT", path, admin(), "{\"available\": -1, \"version\": 0}"), 400, "available");
        assertProblem(send("PUT", path, admin(), "{\"available\": 1000001, \"version\": 0}"), 400, "available");
        assertProblem(send("PUT", path, admin(), "{\"available\": 99999999999}"), 400, null);
        assertProblem(send("PUT", path, admin(), "{\"version\": 0}"), 400, "available");
        assertProblem(send("PUT", path, admin(), "{\"available\": null, \"version\": 0}"), 400, "available");
        assertProblem(send("PUT", path, admin(), "{\"available\": 5}"), 400, "version");
        assertProblem(send("PUT", path, admin(), "{\"available\": 5, \"version\": -1}"), 400, "version");
        assertProblem(send("POST", path + "/restock", admin(), "{\"quantity\": 0}"), 400, "quantity");
        assertProblem(send("POST", path + "/restock", admin(), "{\"quantity\": 1000001}"), 400, "quantity");
        assertProblem(send("POST", path + "/restock", admin(), "{}"), 400, "quantity");
        assertProblem(send("POST", "/api/admin/inventory/ZZZ-99999/restock", admin(), "{\"quantity\": 5}"), 404,
                null);
        assertProblem(send("PUT", "/api/admin/inventory/ZZZ-99999", admin(), "{\"available\": 5, \"version\": 3}"),
                404, null);
        assertProblem(send("PUT", path, admin(), "{\"available\": \"ten\"}"), 400, null);
        assertProblem(send("PUT", path, admin(), "{\"available\": [5]}"), 400, null);
        assertProblem(send("PUT", path, admin(), "{\"available\": 5"), 400, null);
        assertProblem(send("PUT", path, admin(), "not json"), 400, null);
        assertProblem(send("PUT", path, admin(), ""), 400, null);
        assertProblem(send("PUT", "/api/admin/inventory/bad%20sku", admin(), "{\"available\": 5, \"version\": 0}"),
                400, "sku");
        assertThat(stock(sku)).isEqualTo(new Stock(5, 0, 0));
    }

    @Test
    void readinessIncludesTheDatabaseAndIsPublic() throws Exception {
        HttpResponse<String> response = send("GET", "/actuator/health/readiness", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("status").asString()).isEqualTo("UP");
    }

    private static String admin() {
        return IDENTITY.token("admin-1", "ADMIN");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (parameter != null) {
            assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
        return problem;
    }
}
