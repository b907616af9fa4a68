package io.shopscale.launcher.cli;

import io.shopscale.launcher.cli.FakePlatform.Result;
import io.shopscale.testsupport.SharedStores;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * dlt list, show and replay against a real broker, on dead-letter records written as the services' error handler
 * writes them: the record's key and value as they arrived, the failure and the origin in {@code kafka_dlt-*} headers.
 */
class DltCommandIntegrationTests {

    private static Admin admin;

    @TempDir
    Path home;

    private FakePlatform platform;

    private final String source = "it-" + UUID.randomUUID();

    private final String deadLetters = source + ".tests.DLT";

    @BeforeAll
    static void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @BeforeEach
    void createPlatform() throws Exception {
        platform = new FakePlatform(home);
        platform.environment.put("SHOPSCALE_KAFKA_BOOTSTRAP", bootstrap());
        admin.createTopics(List.of(new NewTopic(source, 3, (short) 1), new NewTopic(deadLetters, 2, (short) 1)))
                .all().get(10, TimeUnit.SECONDS);
    }

    @Test
    void parkedRecordsAreListedShownAndReplayedOnceByteForByte() throws Exception {
        byte[] envelope = ("{\"id\":\"" + "e".repeat(300) + "\"").getBytes(StandardCharsets.UTF_8);
        byte[] binary = {0, (byte) 0xff, '\n', 'x', (byte) 0xc3};
        park(0, "order-1", envelope, true);
        park(0, "order-2", binary, true);

        Result list = platform.run("dlt", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern(deadLetters.replace(".", "\\.") + " +2\\b");

        Result show = platform.run("dlt", "show", deadLetters);
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out())
                .contains(deadLetters + "-0@0", "key order-1", deadLetters + "-0@1", "key order-2")
                .contains("from     " + source + "-2@17 (group tests)")
                .contains("failure  org.springframework.kafka.listener.ListenerExecutionFailedException: "
                        + "Listener failed; The record is not an event envelope")
                .contains("cause    io.shopscale.platform.events.PoisonEventException")
                .contains("{\"id\":\"eeee", "…  (" + envelope.length + " bytes)", "(5 bytes)")
                .contains("2 records are parked on " + deadLetters + ".");
        assertThat(platform.run("dlt", "show", deadLetters, "--limit", "1").out()).contains("(1 shown)")
                .doesNotContain("key order-2");

        Result replay = platform.run("dlt", "replay", deadLetters);
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("Replayed 2 records from " + deadLetters + ": 2 to " + source + ".");

        List<ConsumerRecord<byte[], byte[]>> replayed = read(source, 2);
        assertThat(replayed).extracting(record -> new String(record.key(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("order-1", "order-2");
        assertThat(replayed).anySatisfy(record -> assertThat(record.value()).isEqualTo(envelope))
                .anySatisfy(record -> assertThat(record.value()).isEqualTo(binary))
                .allSatisfy(record -> {
                    assertThat(record.headers()).extracting(Header::key)
                            .noneMatch(key -> key.startsWith("kafka_dlt-"))
                            .contains("traceparent", "shopscale-replayed-from");
                });

        assertThat(platform.run("dlt", "list").out()).containsPattern(deadLetters.replace(".", "\\.") + " +0\\b");
        Result again = platform.run("dlt", "replay", deadLetters);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Nothing is parked on " + deadLetters + ".");
        assertThat(read(source, 2)).as("nothing sent twice").hasSize(2);
        assertThat(platform.run("dlt", "show", deadLetters).out()).contains("Nothing is parked on " + deadLetters);
    }

    @Test
    void aRecordThatDoesNotSayWhereItCameFromStaysParkedWithThoseAfterIt() throws Exception {
        park(1, "order-1", "{}".getBytes(StandardCharsets.UTF_8), true);
        park(1, "order-2", "{}".getBytes(StandardCharsets.UTF_8), false);
        park(1, "order-3", "{}".getBytes(StandardCharsets.UTF_8), true);

        Result replay = platform.run("dlt", "replay", deadLetters);

        assertThat(replay.exitCode()).isEqualTo(1);
        assertThat(replay.out()).contains("Replayed 1 record from " + deadLetters + ": 1 to " + source + ".");
        assertThat(replay.err()).contains("Stopped in " + deadLetters + "-1", "no kafka_dlt-original-topic header");
        assertThat(platform.run("dlt", "list").out()).containsPattern(deadLetters.replace(".", "\\.") + " +2\\b");
    }

    @Test
    void aTopicThatDoesNotExistIsAUsageError() {
        Result show = platform.run("dlt", "show", "nosuch-" + UUID.randomUUID() + ".DLT");

        assertThat(show.exitCode()).isEqualTo(2);
        assertThat(show.err()).contains("see ./shopscale dlt list");
    }

    /** Writes a record to the dead-letter topic as Spring's DeadLetterPublishingRecoverer would. */
    private void park(int partition, String key, byte[] value, boolean withOrigin) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
        if (withOrigin) {
            headers.add("kafka_dlt-original-topic", source.getBytes(StandardCharsets.UTF_8));
        }
        headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(2).array());
        headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(17).array());
        headers.add("kafka_dlt-original-consumer-group", "tests".getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-exception-fqcn",
                "org.springframework.kafka.listener.ListenerExecutionFailedException".getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-exception-cause-fqcn",
                "io.shopscale.platform.events.PoisonEventException".getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-exception-message",
                "Listener failed; The record is not an event envelope".getBytes(StandardCharsets.UTF_8));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap()), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(deadLetters, partition, key.getBytes(StandardCharsets.UTF_8), value,
                    headers)).get(10, TimeUnit.SECONDS);
        }
    }

    /** Everything on a topic, from the start, once there are {@code expected} records. */
    private static List<ConsumerRecord<byte[], byte[]>> read(String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
                return found.size() >= expected && partitions.stream()
                        .allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
        }
        return found;
    }

    private static String bootstrap() {
        return SharedStores.get().kafka().connectionString();
    }
}
