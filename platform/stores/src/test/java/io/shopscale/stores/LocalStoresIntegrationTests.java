package io.shopscale.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalStoresIntegrationTests {

    private static LocalStores stores;

    @BeforeAll
    static void start() {
        stores = LocalStores.start(StoreSettings.fromEnvironment(Map.of(), 0, 0, 0, 0, null));
    }

    @AfterAll
    static void stop() {
        stores.close();
    }

    @Test
    void postgresAnswersQueriesInAFreshDatabase() throws Exception {
        String url = stores.postgres().createFreshDatabase("probe");

        try (Connection connection = DriverManager.getConnection(url, stores.postgres().user(), stores.postgres().password());
             ResultSet rs = connection.createStatement().executeQuery("select current_database(), version()")) {
            rs.next();
            assertThat(url).endsWith("/" + rs.getString(1));
            assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
        }
    }

    @Test
    void postgresAcknowledgesACommitOnlyOnceItIsOnDisk() throws Exception {
        try (Connection connection = DriverManager.getConnection(stores.postgres().connectionString(),
                stores.postgres().user(), stores.postgres().password());
             ResultSet rs = connection.createStatement().executeQuery(
                     "select current_setting('synchronous_commit'), current_setting('fsync')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("on");
            assertThat(rs.getString(2)).isEqualTo("on");
        }
    }

    @Test
    void redisStopsAndComesBack() {
        stores.redis().flushAll();
        stores.redis().stop();
        assertThat(FreePorts.isFree(stores.redis().port())).isTrue();

        stores.redis().restart();
        stores.redis().flushAll();
    }

    @Test
    void kafkaKeepsWhatWasProducedAndHandsItToAConsumer() throws Exception {
        String bootstrap = stores.kafka().connectionString();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("probe", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("probe", "order-1", "placed")).get(30, TimeUnit.SECONDS);
        }
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-readers");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("probe"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records.count()).isEqualTo(1);
            assertThat(records.iterator().next().value()).isEqualTo("placed");
        }
    }
}
