package io.shopscale.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopscale.platform.events.TransientFailures.Backoff;
import io.shopscale.testsupport.SharedStores;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

/**
 * The error handling of every event consumer, against a real broker: a listener container set up as the services
 * set theirs up, with a listener that fails as told.
 */
class DeadLettersIntegrationTests {

    private static final String GROUP = "tests";

    private static Admin admin;

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final AtomicInteger rebalances = new AtomicInteger();
    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();
    private final String topic = "test.events." + UUID.randomUUID();
    private KafkaTemplate<String, byte[]> template;

    @BeforeAll
    static void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @AfterEach
    void stop() {
        containers.forEach(container -> container.stop());
        if (template != null) {
            template.getProducerFactory().reset();
        }
    }

    @Test
    void aTransientFailureLongerThanAnyRetryBudgetHoldsItsPartitionUntilTheRecordIsApplied() throws Exception {
        createTopic(topic, 1);
        // Ten failures: more than the four retries records used to get before they were parked and skipped.
        failuresLeft.put("flaky", new AtomicInteger(10));
        start(new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)), Map.of());

        for (String value : List.of("first", "flaky", "second", "poison", "third")) {
            send(value);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> applied.contains("third"));
        assertThat(applied).containsExactly("first", "flaky", "second", "third");
        assertThat(metrics.counter("test.events.retries").count()).isEqualTo(10);
        assertThat(metrics.get("test.events.retrying").gauge().value()).isZero();
        assertThat(metrics.counter("test.events.dead-lettered").count()).isEqualTo(1);
        assertThat(deadLetters(DeadLetters.topic(topic, GROUP))).extracting(ConsumerRecord::value)
                .containsExactly("poison");
    }

    @Test
    void aPauseLongerThanTheMaximumPollIntervalKeepsTheConsumerInItsGroup() throws Exception {
        createTopic(topic, 1);
        failuresLeft.put("flaky", new AtomicInteger(1));
        start(new Backoff(Duration.ofSeconds(8), Duration.ofSeconds(8)),
                Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 3000));
        await().atMost(Duration.ofSeconds(30)).until(() -> rebalances.get() == 1);

        send("flaky");
        send("after");

        await().atMost(Duration.ofSeconds(30)).until(() -> applied.contains("after"));
        assertThat(applied).containsExactly("flaky", "after");
        assertThat(rebalances.get()).as("partitions assigned once, never taken away").isEqualTo(1);
    }

    @Test
    void parkedRecordsAreCountedUntilTheReplayGroupCommitsPastThem() throws Exception {
        createTopic(topic, 1);
        String deadLetterTopic = DeadLetters.topic(topic, GROUP);
        start(Backoff.DEFAULT, Map.of());
        try (ParkedRecords parked = new ParkedRecords(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()),
                metrics, List.of(deadLetterTopic), Duration.ofMinutes(1))) {
            parked.refresh();
            assertThat(gauge(deadLetterTopic)).as("no such topic yet").isZero();

            send("poison");
            send("poison");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> metrics.counter("test.events.dead-lettered").count() == 2);
            parked.refresh();
            assertThat(gauge(deadLetterTopic)).isEqualTo(2);

            // What a replay does once it has sent the records back to their topic.
            List<ConsumerRecord<String, String>> records = deadLetters(deadLetterTopic);
            Map<TopicPartition, OffsetAndMetadata> replayed = new HashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                replayed.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
            admin.alterConsumerGroupOffsets(DeadLetters.REPLAY_GROUP, replayed).all().get(10, TimeUnit.SECONDS);
            parked.refresh();
            assertThat(gauge(deadLetterTopic)).isZero();

            send("poison");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> metrics.counter("test.events.dead-lettered").count() == 3);
            parked.refresh();
            assertThat(gauge(deadLetterTopic)).isEqualTo(1);
        }
    }

    private double gauge(String deadLetterTopic) {
        return metrics.get(ParkedRecords.GAUGE).tag("topic", deadLetterTopic).gauge().value();
    }

    /** A container as the services configure theirs, whose listener applies records or fails as told. */
    private void start(Backoff backoff, Map<String, Object> consumerSettings) {
        Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all");
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new StringSerializer(),
                new ByteArraySerializer()));
        Map<String, Object> consumer = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, GROUP + "-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        consumer.putAll(consumerSettings);
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setPollTimeout(500);
        properties.setMessageListener((MessageListener<String, byte[]>) this::apply);
        properties.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                rebalances.incrementAndGet();
            }
        });
        var container = new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(consumer,
                new StringDeserializer(), new ByteArrayDeserializer()), properties);
        TransientFailures retries = new TransientFailures(metrics, "test.events", backoff);
        container.setCommonErrorHandler(DeadLetters.errorHandler(template, metrics, "test.events", GROUP, retries));
        container.setRecordInterceptor(retries.progress());
        container.start();
        containers.add(container);
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String value = new String(record.value(), StandardCharsets.UTF_8);
        if (value.equals("poison")) {
            throw new PoisonEventException("The record is not an event envelope.");
        }
        AtomicInteger left = failuresLeft.get(value);
        if (left != null && left.getAndDecrement() > 0) {
            throw new DataAccessResourceFailureException("the database is away");
        }
        applied.add(value);
    }

    private void send(String value) throws Exception {
        template.send(topic, "one-key", value.getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
    }

    private static void createTopic(String name, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(10, TimeUnit.SECONDS);
    }

    /** Everything on a dead-letter topic, read from the start to its end. */
    private static List<ConsumerRecord<String, String>> deadLetters(String deadLetterTopic) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(info -> new TopicPartition(deadLetterTopic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
        }
        return found;
    }

    private static String bootstrap() {
        return SharedStores.get().kafka().connectionString();
    }
}
