package io.shopscale.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * How an event consumer copes with a record that fails: it is retried a few times with growing pauses (the database
 * may be restarting), then parked byte for byte on a dead-letter topic with the failure in its headers, counted, and
 * the consumer moves on. Poison skips the retries. Either way the partition never blocks.
 */
public final class DeadLetters {

    /** Appended to a record's topic by {@link #besideSourceTopic()}. */
    public static final String SUFFIX = ".DLT";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    /**
     * The error handler for a listener container.
     *
     * @param template sends the dead letters; it must write keys and values as the records arrived
     * @param metrics where {@code counter} is incremented for every parked record
     * @param counter the counter's name, such as {@code orders.payment.events.dead-lettered}
     * @param topic the dead-letter topic of a record
     * @param retries how often, and after which pauses, a failing record is tried again
     */
    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, MeterRegistry metrics,
                                                   String counter, Function<ConsumerRecord<?, ?>, String> topic,
                                                   Retries retries) {
        // Partition -1 lets the producer choose by key, so the dead-letter topic may have any partition count.
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(topic.apply(record), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            log.warn("parking {}-{}@{} on {}: {}", record.topic(), record.partition(), record.offset(),
                    topic.apply(record), reason(failure));
            metrics.counter(counter).increment();
            deadLetters.accept(record, failure);
        }, retries.backOff());
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }

    /** {@code <topic>.DLT}: each topic has its own dead-letter topic. */
    public static Function<ConsumerRecord<?, ?>, String> besideSourceTopic() {
        return record -> record.topic() + SUFFIX;
    }

    /** One dead-letter topic, whichever topic a record came from. */
    public static Function<ConsumerRecord<?, ?>, String> toTopic(String topic) {
        return record -> topic;
    }

    /** What went wrong, for the log: the poison's own explanation, else the innermost cause. */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonEventException) {
                return cause.getMessage();
            }
        }
        return NestedExceptionUtils.getMostSpecificCause(failure).toString();
    }

    /**
     * @param maxRetries how often a failing record is tried again before it is parked (poison is parked at once)
     * @param initialBackoff the pause before the first retry; each next one doubles
     * @param maxBackoff the longest pause
     */
    public record Retries(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

        /** Four retries, 0.5 s, 1 s, 2 s and 4 s apart: long enough to ride out a database restart. */
        public static final Retries DEFAULT = new Retries(4, Duration.ofMillis(500), Duration.ofSeconds(5));

        public Retries {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative");
            }
            if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
                throw new IllegalArgumentException("backoffs must not be negative");
            }
        }

        ExponentialBackOffWithMaxRetries backOff() {
            ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(maxRetries);
            backOff.setInitialInterval(initialBackoff.toMillis());
            backOff.setMultiplier(2.0);
            backOff.setMaxInterval(maxBackoff.toMillis());
            return backOff;
        }
    }
}
