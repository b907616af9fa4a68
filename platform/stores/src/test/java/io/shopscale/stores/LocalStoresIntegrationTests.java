package io.shopscale.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

class LocalStoresIntegrationTests {

    private static LocalStores stores;

    private static StoresControl control;

    @TempDir
    static Path controlDirectory;

    @BeforeAll
    static void start() {
        stores = LocalStores.start(StoreSettings.fromEnvironment(Map.of(), 0, 0, 0, 0, null));
        control = StoresControl.watch(controlDirectory, stores.redis(), stores.kafka());
    }

    @AfterAll
    static void stop() {
        control.close();
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
        produce("probe", "placed");

        assertThat(consume("probe", "probe-readers")).isEqualTo("placed");
    }

    /** What a fault drill does: the broker goes away inside this process and comes back with what it had. */
    @Test
    void kafkaStopsAndStartsAgainThroughTheControlDirectoryKeepingItsRecords() throws Exception {
        produce("drill-probe", "before the outage");
        int port = Integer.parseInt(stores.kafka().connectionString().split(":")[1]);

        assertThat(request("kafka-stop", "kafka stop")).isEqualTo("ok");
        assertThat(stores.kafka().running()).isFalse();
        assertThat(FreePorts.isFree(port)).isTrue();

        assertThat(request("kafka-start", "kafka start")).isEqualTo("ok");
        assertThat(stores.kafka().running()).isTrue();
        assertThat(consume("drill-probe", "drill-readers")).isEqualTo("before the outage");
        produce("drill-probe-after", "after the outage");
        assertThat(consume("drill-probe-after", "drill-readers")).isEqualTo("after the outage");
    }

    @Test
    void redisStopsAndStartsAgainThroughTheControlDirectory() throws Exception {
        assertThat(request("redis-stop", "redis stop")).isEqualTo("ok");
        assertThat(FreePorts.isFree(stores.redis().port())).isTrue();

        assertThat(request("redis-start", "redis start")).isEqualTo("ok");
        stores.redis().flushAll();
    }

    @Test
    void aRequestItDoesNotKnowIsAnsweredWithAnError() throws Exception {
        assertThat(request("nonsense", "postgres stop")).startsWith("error unknown store 'postgres'");
        assertThat(request("half", "kafka")).startsWith("error expected");
    }

    /** Puts a request as a client does (written aside, then moved in) and waits for its reply. */
    private static String request(String name, String line) throws Exception {
        Path partial = controlDirectory.resolve(name + ".partial");
        Files.writeString(partial, line + "\n");
        Files.move(partial, controlDirectory.resolve(name + StoresControl.REQUEST));
        Path reply = controlDirectory.resolve(name + StoresControl.REPLY);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(reply) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String answer = Files.readString(reply).trim();
        Files.delete(reply);
        return answer;
    }

    private static void produce(String topic, String value) throws Exception {
        String bootstrap = stores.kafka().connectionString();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "order-1", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static String consume(String topic, String group) {
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stores.kafka().connectionString());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records.count()).isEqualTo(1);
            return records.iterator().next().value();
        }
    }
}
