package io.shopscale.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shopscale.stores.LocalStores;
import io.shopscale.testsupport.SharedStores;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's promise across a restart: an order committed while Kafka could not take its event is published
 * once an instance starts again (two real runs of the application on one database).
 */
class OutboxDurabilityTests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Collaborators collaborators = Collaborators.get();

    @Test
    void anEventKafkaNeverAcknowledgedIsPublishedWhenTheServiceStartsAgain() throws Exception {
        LocalStores stores = SharedStores.get();
        String database = stores.postgres().createFreshDatabase("orders");
        String user = UUID.randomUUID().toString();
        String orderId;
        String eventId;

        try (ConfigurableApplicationContext first = start(database, "127.0.0.1:" + freePort())) {
            HttpResponse<String> response = checkout(first, user);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            orderId = json.readTree(response.body()).get("orderId").asString();
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(jdbc
                    .sql("SELECT status FROM event_publication").query(String.class).list())
                    .containsExactly("FAILED"));
            String stored = jdbc.sql("SELECT serialized_event FROM event_publication").query(String.class).single();
            eventId = json.readTree(stored).get("id").asString();
        }

        try (ConfigurableApplicationContext second = start(database, stores.kafka().connectionString())) {
            List<ConsumerRecord<String, String>> records =
                    OrderEventsOnKafka.await(orderId, 1, Duration.ofSeconds(30));
            assertThat(records).hasSize(1);
            JsonNode event = json.readTree(records.getFirst().value());
            assertThat(event.get("id").asString()).isEqualTo(eventId);
            assertThat(event.get("type").asString()).isEqualTo("shopscale.order.placed.v1");
            assertThat(event.get("data").get("orderId").asString()).isEqualTo(orderId);
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    jdbc.sql("SELECT count(*) FROM event_publication").query(Long.class).single()).isZero());
        }
    }

    private ConfigurableApplicationContext start(String databaseUrl, String kafka) {
        LocalStores stores = SharedStores.get();
        Map<String, Object> properties = new LinkedHashMap<>(stores.postgres().springProperties(databaseUrl, "orders"));
        properties.put("server.port", "0");
        properties.put("eureka.client.enabled", "false");
        properties.put("spring.kafka.bootstrap-servers", kafka);
        properties.put("spring.kafka.producer.properties.max.block.ms", "1000");
        properties.put("spring.kafka.producer.properties.request.timeout.ms", "1000");
        properties.put("spring.kafka.producer.properties.delivery.timeout.ms", "2000");
        properties.put("shopscale.orders.outbox.resubmit-interval", "1h");
        String simple = "spring.cloud.discovery.client.simple.instances.";
        properties.put(simple + "identity[0].uri", collaborators.identity.uri().toString());
        properties.put(simple + "catalog[0].uri", collaborators.catalog.uri().toString());
        properties.put(simple + "inventory[0].uri", "http://127.0.0.1:9");
        properties.put(simple + "inventory[0].metadata.grpc-port", String.valueOf(collaborators.inventory.port()));
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(OrdersApplication.class).run(args.toArray(String[]::new));
    }

    private HttpResponse<String> checkout(ConfigurableApplicationContext context, String user) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + collaborators.identity.token(user, "USER"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SystemTestSupport.items("HKT-00001", "1")))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
