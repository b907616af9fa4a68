package io.shopscale.payment;

import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.EventEnvelope;
import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.OrderEvents;
import io.shopscale.contracts.events.Topics;
import io.shopscale.testsupport.RealStoresTest;
import io.shopscale.testsupport.SharedStores;
import io.shopscale.testsupport.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment service on a random port against real PostgreSQL and Kafka, with a test provider and a stand-in
 * identity service as real servers. Order events go in through Kafka as orders publishes them; payment events are
 * read back from Kafka. Every system test class extends this one, so they share one application context. Timings
 * are shortened so that breakers, backoff and deadlines play out in seconds.
 */
@RealStoresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shopscale.payment.provider.call-timeout=3s",
        "shopscale.payment.provider.max-concurrent-calls=4",
        "shopscale.payment.provider.max-wait-for-permit=200ms",
        "shopscale.payment.provider.retry.initial-backoff=50ms",
        "shopscale.payment.provider.retry.max-backoff=200ms",
        "shopscale.payment.provider.circuit-breaker.sliding-window=8",
        "shopscale.payment.provider.circuit-breaker.minimum-calls=4",
        "shopscale.payment.provider.circuit-breaker.open-for=1s",
        "shopscale.payment.provider.circuit-breaker.half-open-calls=1",
        "shopscale.payment.charging.poll-interval=100ms",
        "shopscale.payment.charging.concurrency=6",
        "shopscale.payment.charging.lease=30s",
        "shopscale.payment.charging.backoff.initial=200ms",
        "shopscale.payment.charging.backoff.max=1s",
        "shopscale.payment.charging.settle-time=1s",
        "shopscale.payment.events.initial-backoff=100ms",
        "shopscale.payment.outbox.resubmit-interval=1s",
        "shopscale.payment.outbox.resubmit-min-age=1s"})
abstract class PaymentSystemTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(45);

    static final TestProvider PROVIDER = TestProvider.start();

    static final TestIdentity IDENTITY = TestIdentity.start();

    private static KafkaProducer<String, String> producer;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    MeterRegistry meters;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            PROVIDER.close();
            IDENTITY.close();
        }));
    }

    @DynamicPropertySource
    static void collaborators(DynamicPropertyRegistry registry) {
        registry.add("shopscale.payment.provider.base-url", () -> PROVIDER.uri().toString());
        registry.add("spring.cloud.discovery.client.simple.instances.identity[0].uri",
                () -> IDENTITY.uri().toString());
    }

    @BeforeEach
    void healthyProvider() {
        PROVIDER.reset();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    /** Publishes order.placed for a new order as the orders service would, and returns the order id. */
    String placeOrder(long total, Instant paymentDeadline) {
        String orderId = UUID.randomUUID().toString();
        publish(orderId, placed(orderId, total, paymentDeadline));
        return orderId;
    }

    String placeOrder() {
        return placeOrder(2_599, Instant.now().plus(Duration.ofMinutes(10)));
    }

    String placed(String orderId, long total, Instant paymentDeadline) {
        return envelope(EventType.ORDER_PLACED, orderId, new OrderEvents.OrderPlaced(orderId, "user-" + orderId,
                List.of(new OrderEvents.Line("HKT-00001", 1, total)), total, "USD", Instant.now(), paymentDeadline));
    }

    String cancelled(String orderId) {
        return envelope(EventType.ORDER_CANCELLED, orderId, new OrderEvents.OrderCancelled(orderId,
                "user-" + orderId, "EXPIRED", Instant.now()));
    }

    String envelope(EventType type, String orderId, Object data) {
        return json.writeValueAsString(EventEnvelope.of(type, "/shopscale/orders", orderId, data, Instant.now()));
    }

    static synchronized void publish(String key, String value) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStores.get().kafka().connectionString(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(Topics.ORDERS, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String status(String orderId) {
        return jdbc.sql("SELECT status FROM payment WHERE order_id = :order")
                .param("order", UUID.fromString(orderId))
                .query(String.class)
                .optional()
                .orElse("NONE");
    }

    String awaitStatus(String orderId, String status) {
        await().atMost(PATIENCE).until(() -> status(orderId).equals(status));
        return status;
    }

    List<String> attemptOutcomes(String orderId) {
        return jdbc.sql("""
                        SELECT a.operation || ' ' || coalesce(a.idempotency_key, '-') || ' ' || a.outcome
                        FROM payment_attempt a JOIN payment p ON p.id = a.payment_id
                        WHERE p.order_id = :order ORDER BY a.id""")
                .param("order", UUID.fromString(orderId))
                .query(String.class)
                .list();
    }

    HttpResponse<String> get(String path, String... roles) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(15));
        if (roles.length > 0) {
            request.header("Authorization", "Bearer " + IDENTITY.token("ops-" + UUID.randomUUID(), roles));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode adminView(String orderId) throws Exception {
        HttpResponse<String> response = get("/api/admin/payments/" + orderId, "ADMIN");
        if (response.statusCode() != 200) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The payment events of an order on Kafka, once at least {@code expected} arrived (or the patience ran out). */
    List<JsonNode> paymentEvents(String orderId, int expected) {
        List<JsonNode> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : read(Topics.PAYMENTS, value -> true, orderId, expected)) {
            found.add(json.readTree(record.value()));
        }
        return found;
    }

    /**
     * Every payment event of the order published so far, for asserting that some event was not. Once nothing of the
     * order waits in the outbox, whatever was published for it has been acknowledged by Kafka, so reading the topic
     * to its end finds it.
     */
    List<JsonNode> publishedPaymentEvents(String orderId) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM event_publication"
                        + " WHERE serialized_event LIKE :order")
                .param("order", "%" + orderId + "%")
                .query(Long.class)
                .single() == 0);
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStores.get().kafka().connectionString()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAYMENTS).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return found;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (orderId.equals(record.key()) && record.value() != null) {
                        found.add(json.readTree(record.value()));
                    }
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
        }
        return found;
    }

    /** Records of a topic with the key (any key if null) whose value passes the test, once as many as expected came. */
    static List<ConsumerRecord<String, String>> read(String topic, java.util.function.Predicate<String> value,
                                                     String key, int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStores.get().kafka().connectionString(),
                ConsumerConfig.GROUP_ID_CONFIG, "payment-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if ((key == null || key.equals(record.key())) && record.value() != null
                            && value.test(record.value())) {
                        found.add(record);
                    }
                }
                return found.size() >= expected;
            });
        }
        return found;
    }
}
