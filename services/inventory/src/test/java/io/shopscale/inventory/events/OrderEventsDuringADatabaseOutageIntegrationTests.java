package io.shopscale.inventory.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.shopscale.contracts.events.EventEnvelope;
import io.shopscale.contracts.events.EventType;
import io.shopscale.contracts.events.OrderEvents;
import io.shopscale.contracts.events.Topics;
import io.shopscale.inventory.InventoryIntegrationTestBase;
import io.shopscale.stores.PostgresStore;
import io.shopscale.testsupport.SharedStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * An order confirmation that arrives while inventory's database is away, for longer than failing events used to be
 * retried before they were parked and skipped: it is applied once the database is back, and nothing is parked.
 */
class OrderEventsDuringADatabaseOutageIntegrationTests extends InventoryIntegrationTestBase {

    /** Five tries of about 3 s each (the connection timeout) and 7.5 s of pauses used to end on the DLT. */
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    private String database;

    @AfterEach
    void databaseBack() throws SQLException {
        if (database != null) {
            admit(true);
        }
    }

    @Test
    void aConfirmationIsAppliedAfterTheOutageAndNothingIsParked() throws Exception {
        String sku = newSku(10);
        String orderId = newOrderId();
        inventory().reserve(reserveRequest(orderId, sku, 2));
        database = jdbc.sql("SELECT current_database()").query(String.class).single();
        double parkedBefore = count("inventory.order.events.dead-lettered");
        double retriesBefore = count("inventory.order.events.retries");

        admit(false);
        publish(orderId, envelope(orderId));
        Thread.sleep(OUTAGE.toMillis());
        double retriesDuringOutage = count("inventory.order.events.retries") - retriesBefore;
        admit(true);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(state(orderId)).isEqualTo("CONFIRMED"));
        assertThat(stock(sku)).isEqualTo(new Stock(8, 0, 2));
        assertThat(retriesDuringOutage).as("tries that failed, more than the four retries of old").isGreaterThan(4);
        assertThat(count("inventory.order.events.dead-lettered")).isEqualTo(parkedBefore);
        assertThat(deadLetterKeys()).doesNotContain(orderId);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get("inventory.order.events.retrying").gauge().value() == 0);
    }

    /** Lets connections to the service's database in, or throws them all out and refuses new ones. */
    private void admit(boolean allowed) throws SQLException {
        PostgresStore postgres = SharedStores.get().postgres();
        try (Connection connection = DriverManager.getConnection(postgres.connectionString(), postgres.user(),
                postgres.password()); Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database + "' AND pid <> pg_backend_pid()");
            }
        }
    }

    private String envelope(String orderId) {
        return json.writeValueAsString(EventEnvelope.of(EventType.ORDER_CONFIRMED, "orders", orderId,
                new OrderEvents.OrderConfirmed(orderId, "user-1", Instant.now()), Instant.now()));
    }

    private static void publish(String key, String value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStores.get().kafka().connectionString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ORDERS, key, value)).get();
        }
    }

    private double count(String counter) {
        return Search.in(meters).name(counter).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** The keys of everything on inventory's dead-letter topic, read to its end. */
    private static List<String> deadLetterKeys() {
        List<String> keys = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStores.get().kafka().connectionString()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS + ".inventory.DLT").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
        }
        return keys;
    }
}
