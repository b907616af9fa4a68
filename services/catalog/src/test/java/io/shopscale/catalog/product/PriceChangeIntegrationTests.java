package io.shopscale.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shopscale.catalog.CatalogIntegrationTestBase;
import io.shopscale.contracts.events.Topics;
import io.shopscale.testsupport.SharedStores;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Price changes over HTTP: admin only, validated, stored with a new price version, cached copies gone, event out. */
class PriceChangeIntegrationTests extends CatalogIntegrationTestBase {

    private static final AtomicInteger SKUS = new AtomicInteger();

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminChangesAPriceEveryReaderSeesItAndItsEventIsPublished() throws Exception {
        String sku = newProduct(1_000);
        JsonNode before = getJson("/api/products/" + id(sku));

        HttpResponse<String> response = changePrice(sku, admin(), "{\"amount\": 1234, \"currency\": \"USD\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode product = json.readTree(response.body());
        assertThat(product.get("sku").asString()).isEqualTo(sku);
        assertThat(product.get("price")).isEqualTo(json.readTree("{\"amount\":1234,\"currency\":\"USD\"}"));
        assertThat(product.get("priceVersion").asLong()).isEqualTo(2);
        assertThat(product.get("version").asLong()).isEqualTo(before.get("version").asLong() + 1);
        // The product was cached by the read above; the change evicted it.
        assertThat(getJson("/api/products/" + id(sku)).get("price").get("amount").asLong()).isEqualTo(1_234);
        JsonNode bySku = getJson("/api/products/by-sku?sku=" + sku).get("items").get(0);
        assertThat(bySku.get("price").get("amount").asLong()).isEqualTo(1_234);
        assertThat(bySku.get("priceVersion").asLong()).isEqualTo(2);

        JsonNode event = json.readTree(priceEvent(sku, 2).value());
        assertThat(event.get("type").asString()).isEqualTo("shopscale.catalog.price-changed.v1");
        assertThat(event.get("subject").asString()).isEqualTo(sku);
        assertThat(event.get("data")).isEqualTo(json.readTree(
                "{\"sku\":\"" + sku + "\",\"amount\":1234,\"currency\":\"USD\",\"version\":2}"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc
                .sql("SELECT count(*) FROM event_publication").query(Long.class).single()).isZero());
        assertThat(cleanupPolicy(Topics.CATALOG_PRICES)).isEqualTo("compact");
    }

    @Test
    void settingThePriceAProductAlreadyHasChangesNothing() throws Exception {
        String sku = newProduct(1_000);

        HttpResponse<String> response = changePrice(sku, admin(), "{\"amount\": 1000, \"currency\": \"USD\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("priceVersion").asLong()).isEqualTo(1);
        assertThat(priceVersion(sku)).isEqualTo(1);
        // A new currency is a new price.
        JsonNode euros = json.readTree(changePrice(sku, admin(), "{\"amount\": 1000, \"currency\": \"EUR\"}").body());
        assertThat(euros.get("price").get("currency").asString()).isEqualTo("EUR");
        assertThat(euros.get("priceVersion").asLong()).isEqualTo(2);
    }

    @Test
    void onlyAdminsChangePrices() throws Exception {
        String sku = newProduct(1_000);
        String body = "{\"amount\": 1, \"currency\": \"USD\"}";

        assertProblem(changePrice(sku, null, body), 401, null);
        assertProblem(changePrice(sku, IDENTITY.token("user-1", "USER"), body), 403, null);

        assertThat(priceVersion(sku)).isEqualTo(1);
        assertThat(getJson("/api/products/" + id(sku)).get("price").get("amount").asLong()).isEqualTo(1_000);
    }

    @Test
    void badChangesAreProblemsNamingWhatIsWrong() throws Exception {
        String sku = newProduct(1_000);

        assertProblem(changePrice(sku, admin(), "{\"amount\": 0, \"currency\": \"USD\"}"), 400, "amount");
        assertProblem(changePrice(sku, admin(), "{\"amount\": -5, \"currency\": \"USD\"}"), 400, "amount");
        assertProblem(changePrice(sku, admin(), "{\"amount\": 12.34, \"currency\": \"USD\"}"), 400, "amount");
        assertProblem(changePrice(sku, admin(), "{\"amount\": \"12.34\", \"currency\": \"USD\"}"), 400, "amount");
        assertProblem(changePrice(sku, admin(), "{\"amount\": 1000000000, \"currency\": \"USD\"}"), 400, "amount");
        assertProblem(changePrice(sku, admin(), "{\"currency\": \"USD\"}"), 400, "amount");
        assertProblem(changePrice(sku, admin(), "{\"amount\": 1234, \"currency\": \"usd\"}"), 400, "currency");
        assertProblem(changePrice(sku, admin(), "{\"amount\": 1234, \"currency\": \"EURO\"}"), 400, "currency");
        assertProblem(changePrice(sku, admin(), "{\"amount\": 1234}"), 400, "currency");
        assertProblem(changePrice(sku, admin(), "{\"amount\": [1234], \"currency\": \"USD\"}"), 400, null);
        assertProblem(changePrice(sku, admin(), "not json"), 400, null);
        assertProblem(changePrice("hkt-00001", admin(), "{\"amount\": 1234, \"currency\": \"USD\"}"), 400, "sku");
        assertProblem(changePrice("ZZZ-99999", admin(), "{\"amount\": 1234, \"currency\": \"USD\"}"), 404, null);

        assertThat(priceVersion(sku)).isEqualTo(1);
    }

    /** A product of this test's own, at the given price in USD cents. */
    private String newProduct(long amount) {
        String sku = "TST-" + ProcessHandle.current().pid() + "-" + SKUS.incrementAndGet();
        jdbc.sql("""
                        INSERT INTO product (id, sku, name, description, category, price_amount, price_currency)
                        VALUES (:id, :sku, 'Test product', 'A product for price tests.', 'testing', :amount, 'USD')""")
                .param("id", UUID.randomUUID())
                .param("sku", sku)
                .param("amount", amount)
                .update();
        return sku;
    }

    private String id(String sku) {
        return jdbc.sql("SELECT id::text FROM product WHERE sku = :sku").param("sku", sku).query(String.class)
                .single();
    }

    private long priceVersion(String sku) {
        return jdbc.sql("SELECT price_version FROM product WHERE sku = :sku").param("sku", sku).query(Long.class)
                .single();
    }

    private HttpResponse<String> changePrice(String sku, String token, String body) throws Exception {
        return send("PUT", "/api/admin/products/" + sku + "/price", token, body);
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null, null);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void assertProblem(HttpResponse<String> response, int status, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (parameter != null) {
            assertThat(problem.get("parameter").asString()).as(response.body()).isEqualTo(parameter);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    /** The price event of this SKU and version, read from the topic's start with a consumer of its own. */
    private ConsumerRecord<String, String> priceEvent(String sku, long version) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStores.get().kafka().connectionString(),
                ConsumerConfig.GROUP_ID_CONFIG, "catalog-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.CATALOG_PRICES));
            // Each poll waits up to 250 ms for records; the consumer stays on this thread.
            return await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10)).until(() -> find(consumer, sku, version), Optional::isPresent).orElseThrow();
        }
    }

    private Optional<ConsumerRecord<String, String>> find(KafkaConsumer<String, String> consumer, String sku,
                                                          long version) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
            if (sku.equals(record.key())
                    && json.readTree(record.value()).get("data").get("version").asLong() == version) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    private static String cleanupPolicy(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedStores.get().kafka().connectionString()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                    .get("cleanup.policy").value();
        }
    }
}
