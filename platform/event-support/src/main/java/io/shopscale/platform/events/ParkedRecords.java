package io.shopscale.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * How many records sit on a service's dead-letter topics, not yet replayed: the gauge
 * {@code shopscale.dlt.parked{topic}}. Per partition that is the end offset minus the offset the replay group
 * {@value DeadLetters#REPLAY_GROUP} committed (or the first retained offset, where it committed nothing or less).
 * Counted with Kafka's Admin client every {@code interval}, four small requests, on a virtual thread of its own; the
 * gauge reports the last count, or NaN while Kafka cannot be asked. A topic that does not exist yet holds nothing.
 * Declared as a bean in a service with scheduling enabled, it schedules itself.
 */
public class ParkedRecords implements SchedulingConfigurer, AutoCloseable {

    public static final String GAUGE = "shopscale.dlt.parked";

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(ParkedRecords.class);

    private final Map<String, Object> kafka;
    private final List<String> topics;
    private final Duration interval;
    private final Map<String, Double> parked = new ConcurrentHashMap<>();
    private final AtomicBoolean counting = new AtomicBoolean();
    private Admin admin;
    private boolean failing;

    /**
     * @param kafka the Admin client's settings: bootstrap servers and security, such as those of Spring's
     * {@code KafkaAdmin}
     * @param topics the dead-letter topics of this service
     * @param interval the pause between two counts
     */
    public ParkedRecords(Map<String, Object> kafka, MeterRegistry meters, Collection<String> topics,
                         Duration interval) {
        this.kafka = new HashMap<>(kafka);
        this.kafka.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.kafka.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.topics = List.copyOf(topics);
        this.interval = interval;
        for (String topic : this.topics) {
            parked.put(topic, Double.NaN);
            Gauge.builder(GAUGE, parked, counts -> counts.getOrDefault(topic, Double.NaN))
                    .tag("topic", topic)
                    .description("Records on a dead-letter topic that were not replayed yet")
                    .register(meters);
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::refreshAside, interval, Duration.ZERO));
    }

    /** Counts on a thread of its own: Kafka being slow to answer must not hold up the scheduler others share. */
    void refreshAside() {
        if (counting.compareAndSet(false, true)) {
            Thread.ofVirtual().name("dead-letter-count").start(() -> {
                try {
                    refresh();
                } finally {
                    counting.set(false);
                }
            });
        }
    }

    /** Counts again; on failure the gauges say NaN until a count succeeds. */
    public synchronized void refresh() {
        try {
            Map<String, Long> counts = count(admin(), topics, DeadLetters.REPLAY_GROUP);
            counts.forEach((topic, count) -> parked.put(topic, count.doubleValue()));
            if (failing) {
                log.info("dead-letter topics counted again");
                failing = false;
            }
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            topics.forEach(topic -> parked.put(topic, Double.NaN));
            if (!failing) {
                log.warn("cannot count the records on {}: {}", topics, e.getMessage());
                failing = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last count for a topic; NaN if unknown. */
    public double parked(String topic) {
        return parked.getOrDefault(topic, Double.NaN);
    }

    /**
     * Records on each topic past what {@code group} committed; a topic that does not exist counts 0.
     */
    public static Map<String, Long> count(Admin admin, Collection<String> topics, String group)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Long> counts = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> topic
                : admin.describeTopics(topics).topicNameValues().entrySet()) {
            counts.put(topic.getKey(), 0L);
            TopicDescription description;
            try {
                description = get(topic.getValue());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    continue;
                }
                throw e;
            }
            description.partitions().forEach(partition -> {
                TopicPartition key = new TopicPartition(topic.getKey(), partition.partition());
                earliest.put(key, OffsetSpec.earliest());
                latest.put(key, OffsetSpec.latest());
            });
        }
        if (latest.isEmpty()) {
            return counts;
        }
        Map<TopicPartition, ListOffsetsResultInfo> starts = get(admin.listOffsets(earliest).all());
        Map<TopicPartition, ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all());
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        for (TopicPartition partition : latest.keySet()) {
            long start = starts.get(partition).offset();
            OffsetAndMetadata replayed = committed.get(partition);
            long from = replayed == null ? start : Math.max(start, replayed.offset());
            long waiting = Math.max(0, ends.get(partition).offset() - from);
            counts.merge(partition.topic(), waiting, Long::sum);
        }
        return counts;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafka);
        }
        return admin;
    }

    private static <T> T get(KafkaFuture<T> future)
            throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

}
