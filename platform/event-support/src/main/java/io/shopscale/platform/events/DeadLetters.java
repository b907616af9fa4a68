package io.shopscale.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/**
 * How an event consumer copes with a record that fails. Poison (a record that cannot be read, or whose envelope or
 * data is invalid) can never be applied: it is parked at once, byte for byte, on the consumer's dead-letter topic
 * with the failure in its headers, counted, and the consumer moves on. Every other failure (the database away, a
 * pool exhausted, a bug) is taken as transient: the record is tried again, with growing pauses and without end,
 * until it is applied; records after it on its partition wait, so nothing is skipped and order holds. See
 * {@link TransientFailures} for how the pauses keep the consumer in its group.
 *
 * <p>Dead-letter topics are named {@code <source topic>.<consumer group>.DLT}: each belongs to one consumer, so
 * what it holds concerns that consumer alone, and tools find them all by the suffix. A record is <em>parked</em>
 * until the group {@value #REPLAY_GROUP} has committed past it, which replaying it does.
 */
public final class DeadLetters {

    /** Every dead-letter topic's name ends so. */
    public static final String SUFFIX = ".DLT";

    /** The consumer group whose committed offsets on a dead-letter topic mark what was replayed. */
    public static final String REPLAY_GROUP = "shopscale.dlt-replay";

    /** Failures that retrying cannot cure: the record itself is wrong. Anything else is retried. */
    static final Map<Class<? extends Throwable>, Boolean> POISON = Map.of(
            PoisonEventException.class, false,
            DeserializationException.class, false,
            MessageConversionException.class, false,
            ConversionException.class, false,
            MethodArgumentResolutionException.class, false);

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    /** {@code <source topic>.<group>.DLT}: where the group parks poison read from the topic. */
    public static String topic(String sourceTopic, String group) {
        return sourceTopic + "." + group + SUFFIX;
    }

    /**
     * The error handler for a listener container: poison to the dead-letter topic, everything else retried as
     * {@code retries} says. Register {@code retries.progress()} as the container's record interceptor too, so that
     * it sees a retried record through.
     *
     * @param template sends the dead letters; it must write keys and values as the records arrived
     * @param metrics where {@code <metrics>.dead-lettered} counts every parked record
     * @param metricPrefix the prefix of the counter's name, such as {@code orders.payment.events}
     * @param group the consumer group, which names the dead-letter topic
     * @param retries pauses, logs and counts the retries of transient failures
     */
    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, MeterRegistry metrics,
                                                   String metricPrefix, String group, TransientFailures retries) {
        // Partition -1 lets the producer choose by key, so the dead-letter topic may have any partition count.
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(topic(record.topic(), group), -1));
        Counter parked = metrics.counter(metricPrefix + ".dead-lettered");
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            String deadLetterTopic = topic(record.topic(), group);
            log.warn("parking {}-{}@{} on {}: {}", record.topic(), record.partition(), record.offset(),
                    deadLetterTopic, reason(failure));
            deadLetters.accept(record, failure);
            parked.increment();
        }, retries.backOff(), retries);
        handler.setClassifications(POISON, true);
        handler.setRetryListeners(retries);
        return handler;
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
}
