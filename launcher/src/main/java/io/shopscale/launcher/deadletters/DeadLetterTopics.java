package io.shopscale.launcher.deadletters;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The platform's dead-letter topics, as the services leave them: every topic whose name ends in {@value #SUFFIX}
 * holds records a consumer could not apply, each with the failure and where it came from in the headers Spring's
 * {@code DeadLetterPublishingRecoverer} writes. A record is parked until the group {@value #REPLAY_GROUP} has
 * committed past it; replaying one sends it back to its original topic and commits. The services count the same
 * way for their gauge {@code shopscale.dlt.parked} ({@code DeadLetters} and {@code ParkedRecords} in the platform's
 * event support), so the names here must stay as they are there.
 */
public final class DeadLetterTopics implements AutoCloseable {

    public static final String SUFFIX = ".DLT";

    public static final String REPLAY_GROUP = "shopscale.dlt-replay";

    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";

    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";

    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";

    static final String ORIGINAL_GROUP = "kafka_dlt-original-consumer-group";

    static final String EXCEPTION = "kafka_dlt-exception-fqcn";

    static final String EXCEPTION_CAUSE = "kafka_dlt-exception-cause-fqcn";

    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

    /** Where a replayed record says it came from: {@code <dead-letter topic>-<partition>@<offset>}. */
    static final String REPLAYED_FROM = "shopscale-replayed-from";

    private final String bootstrap;

    private final Duration timeout;

    private final Admin admin;

    /**
     * @param timeout how long to wait for Kafka's answer to each request before giving up
     * @throws Unreachable if the bootstrap address cannot even be resolved
     */
    public DeadLetterTopics(String bootstrap, Duration timeout) {
        this.bootstrap = bootstrap;
        this.timeout = timeout;
        try {
            this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
        }
        catch (KafkaException ex) {
            throw new Unreachable(bootstrap, timeout, ex);
        }
    }

    /** Every dead-letter topic with how many records it holds that were not replayed, by name. */
    public Map<String, Long> list() {
        List<String> topics = get(admin.listTopics().names()).stream()
                .filter(name -> name.endsWith(SUFFIX))
                .sorted()
                .toList();
        Map<String, Long> parked = new TreeMap<>();
        positions(topics).forEach((partition, range) -> parked.merge(partition.topic(), range.parked(), Long::sum));
        topics.forEach(topic -> parked.putIfAbsent(topic, 0L));
        return parked;
    }

    /**
     * The records parked on a dead-letter topic, oldest first within each partition, at most {@code limit}, and how
     * many there are in all.
     */
    public Parked show(String topic, int limit) {
        Map<TopicPartition, Range> ranges = positions(List.of(requireDeadLetterTopic(topic)));
        long total = ranges.values().stream().mapToLong(Range::parked).sum();
        List<ParkedRecord> records = new ArrayList<>();
        read(ranges, limit, record -> records.add(ParkedRecord.of(record)));
        return new Parked(total, records);
    }

    /**
     * Sends every record parked on the topic back to the topic it came from, key and value byte for byte (and the
     * headers it had, less the dead-letter ones), waits until Kafka has them all, then commits the replay group past
     * them. Within a partition it stops at a record that does not say where it came from; those before it are
     * replayed.
     */
    public Replay replay(String topic) {
        Map<TopicPartition, Range> ranges = positions(List.of(requireDeadLetterTopic(topic)));
        Map<TopicPartition, Long> replayedUpTo = new HashMap<>();
        Map<String, Integer> sentTo = new TreeMap<>();
        Set<TopicPartition> stuck = new LinkedHashSet<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis() * 3, 30_000),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            read(ranges, Integer.MAX_VALUE, record -> {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (stuck.contains(partition)) {
                    return;
                }
                Optional<String> original = text(record, ORIGINAL_TOPIC);
                if (original.isEmpty()) {
                    stuck.add(partition);
                    return;
                }
                sends.add(producer.send(new ProducerRecord<>(original.get(), null, record.key(), record.value(),
                        replayHeaders(record))));
                sentTo.merge(original.get(), 1, Integer::sum);
                replayedUpTo.put(partition, record.offset() + 1);
            });
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                get(send);
            }
        }
        if (!replayedUpTo.isEmpty()) {
            Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
            replayedUpTo.forEach((partition, offset) -> commits.put(partition, new OffsetAndMetadata(offset)));
            get(admin.alterConsumerGroupOffsets(REPLAY_GROUP, commits).all());
        }
        return new Replay(sentTo, stuck.stream().map(TopicPartition::toString).toList());
    }

    /**
     * @throws NotADeadLetterTopic unless the name ends as dead-letter topics' names do
     */
    public static String requireDeadLetterTopic(String topic) {
        if (!topic.endsWith(SUFFIX)) {
            throw new NotADeadLetterTopic(topic + " is not a dead-letter topic: their names end in " + SUFFIX);
        }
        return topic;
    }

    /** Per partition of the topics: the first record not replayed and the end. */
    private Map<TopicPartition, Range> positions(List<String> topics) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> topic
                : admin.describeTopics(topics).topicNameValues().entrySet()) {
            TopicDescription description;
            try {
                description = get(topic.getValue());
            }
            catch (NoSuchTopic absent) {
                throw new NoSuchTopic("there is no topic " + topic.getKey());
            }
            description.partitions().forEach(info -> {
                TopicPartition partition = new TopicPartition(topic.getKey(), info.partition());
                earliest.put(partition, OffsetSpec.earliest());
                latest.put(partition, OffsetSpec.latest());
            });
        }
        Map<TopicPartition, ListOffsetsResultInfo> starts = get(admin.listOffsets(earliest).all());
        Map<TopicPartition, ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all());
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(REPLAY_GROUP).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Range> ranges = new TreeMap<>(Comparator.comparing(TopicPartition::topic)
                .thenComparingInt(TopicPartition::partition));
        for (TopicPartition partition : latest.keySet()) {
            long start = starts.get(partition).offset();
            OffsetAndMetadata replayed = committed.get(partition);
            long from = replayed == null ? start : Math.max(start, replayed.offset());
            ranges.put(partition, new Range(from, Math.max(from, ends.get(partition).offset())));
        }
        return ranges;
    }

    /** Reads each partition from its first parked record to the end it had when it was measured. */
    private void read(Map<TopicPartition, Range> ranges, int limit,
            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<TopicPartition, Range> waiting = new LinkedHashMap<>();
        ranges.forEach((partition, range) -> {
            if (range.parked() > 0) {
                waiting.put(partition, range);
            }
        });
        if (waiting.isEmpty() || limit <= 0) {
            return;
        }
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(waiting.keySet());
            waiting.forEach((partition, range) -> consumer.seek(partition, range.from()));
            int seen = 0;
            long deadline = System.nanoTime() + timeout.multipliedBy(3).toNanos();
            while (!waiting.isEmpty()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new Unreachable(bootstrap, timeout, new TimeoutException("reading " + waiting.keySet()));
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Range range = waiting.get(partition);
                    if (range == null || record.offset() >= range.to()) {
                        continue;
                    }
                    each.accept(record);
                    if (++seen >= limit) {
                        return;
                    }
                }
                List<TopicPartition> done = waiting.keySet().stream()
                        .filter(partition -> consumer.position(partition) >= waiting.get(partition).to())
                        .toList();
                done.forEach(waiting::remove);
                consumer.pause(done);
            }
        }
        catch (KafkaException ex) {
            throw new Unreachable(bootstrap, timeout, ex);
        }
    }

    private static RecordHeaders replayHeaders(ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().equals(REPLAYED_FROM)) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    static Optional<String> text(ConsumerRecord<byte[], byte[]> record, String header) {
        return Optional.ofNullable(record.headers().lastHeader(header))
                .map(Header::value)
                .filter(value -> value != null)
                .map(value -> new String(value, StandardCharsets.UTF_8));
    }

    static Optional<Long> number(ConsumerRecord<byte[], byte[]> record, String header) {
        return Optional.ofNullable(record.headers().lastHeader(header))
                .map(Header::value)
                .filter(value -> value != null)
                .flatMap(value -> switch (value.length) {
                    case Integer.BYTES -> Optional.of((long) ByteBuffer.wrap(value).getInt());
                    case Long.BYTES -> Optional.of(ByteBuffer.wrap(value).getLong());
                    default -> Optional.empty();
                });
    }

    private <T> T get(Future<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new NoSuchTopic(ex.getCause().getMessage());
            }
            throw new Unreachable(bootstrap, timeout, ex.getCause() == null ? ex : ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new Unreachable(bootstrap, timeout, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new Unreachable(bootstrap, timeout, ex);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }

    /** A partition's parked records: offsets {@code from} (inclusive) to {@code to} (exclusive). */
    record Range(long from, long to) {

        long parked() {
            return to - from;
        }
    }

    /** What {@link #show} found: how many records are parked, and those it read. */
    public record Parked(long total, List<ParkedRecord> records) {
    }

    /**
     * One parked record: where it sits, its key and value, and what its headers say of where it came from and why
     * it failed.
     */
    public record ParkedRecord(String topic, int partition, long offset, Instant timestamp, byte[] key,
            byte[] value, Optional<String> originalTopic, Optional<Long> originalPartition,
            Optional<Long> originalOffset, Optional<String> group, Optional<String> exception,
            Optional<String> cause, Optional<String> message) {

        static ParkedRecord of(ConsumerRecord<byte[], byte[]> record) {
            return new ParkedRecord(record.topic(), record.partition(), record.offset(),
                    Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(),
                    text(record, ORIGINAL_TOPIC), number(record, ORIGINAL_PARTITION), number(record, ORIGINAL_OFFSET),
                    text(record, ORIGINAL_GROUP), text(record, EXCEPTION), text(record, EXCEPTION_CAUSE),
                    text(record, EXCEPTION_MESSAGE));
        }
    }

    /**
     * What {@link #replay} did: how many records went back to each original topic, and the partitions it had to
     * stop in because a record there does not say where it came from.
     */
    public record Replay(Map<String, Integer> sentTo, List<String> stoppedIn) {

        public int sent() {
            return sentTo.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Kafka cannot be reached, or did not answer in time. */
    public static final class Unreachable extends RuntimeException {

        Unreachable(String bootstrap, Duration timeout, Throwable cause) {
            super("Cannot reach Kafka at " + bootstrap + ": " + describe(timeout, cause), cause);
        }

        private static String describe(Duration timeout, Throwable cause) {
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof TimeoutException || root instanceof org.apache.kafka.common.errors.TimeoutException) {
                return "no answer within " + timeout.toSeconds() + " s";
            }
            return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
    }

    /** The topic asked for does not exist. */
    public static final class NoSuchTopic extends RuntimeException {

        NoSuchTopic(String message) {
            super(message);
        }
    }

    /** The topic asked for is not a dead-letter topic. */
    public static final class NotADeadLetterTopic extends RuntimeException {

        NotADeadLetterTopic(String message) {
            super(message);
        }
    }
}
