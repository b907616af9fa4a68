package io.shopscale.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.DefaultBackOffHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.scheduling.concurrent.ConcurrentTaskScheduler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The retries of records whose failure is transient. Between two tries the record's partition is paused, not the
 * consumer's thread: the consumer keeps polling (its other partitions, or nothing), so however long the pause it
 * stays within {@code max.poll.interval.ms} and keeps its partitions. The pauses double from {@code initial} up to
 * {@code max} and the tries never end; the error handler seeks back to the failed record, so it comes again, and
 * the records after it on its partition only after it.
 *
 * <p>A record is logged when it first fails, then at most once a minute while it keeps failing, and once more when
 * it is applied. Meters: {@code <prefix>.retries} counts tries that failed and will be repeated,
 * {@code <prefix>.retrying} is how many records (one per partition at most) are waiting for their next try, and
 * {@code <prefix>.retrying.oldest.age} how many seconds the one that has failed longest has held its partition.
 */
public final class TransientFailures implements RetryListener, BackOffHandler {

    private static final Logger log = LoggerFactory.getLogger(TransientFailures.class);

    /** A retried record is logged again after this long, however often it was tried meanwhile. */
    static final Duration LOG_EVERY = Duration.ofMinutes(1);

    /**
     * A record whose next try is this much overdue is no longer counted as retried: its partition went to another
     * consumer (a rebalance), which sees to it now.
     */
    static final Duration FORGET_AFTER = Duration.ofMinutes(1);

    /** Resumes paused partitions; one daemon thread for the whole JVM, it only flips flags. */
    private static final ConcurrentTaskScheduler RESUMER = new ConcurrentTaskScheduler(
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("event-retry-resumer")
                    .factory()));

    private final Backoff backoff;
    private final Clock clock;
    private final Counter retries;
    private final ListenerContainerPauseService pauser = new ListenerContainerPauseService(null, RESUMER);
    private final BackOffHandler sleeper = new DefaultBackOffHandler();
    private final Map<TopicPartition, Retried> retried = new ConcurrentHashMap<>();
    /** The record whose failure the error handler reports between {@link #failedDelivery} and the back-off. */
    private final ThreadLocal<ConsumerRecord<?, ?>> failing = new ThreadLocal<>();

    /**
     * @param metricPrefix the meters' prefix, such as {@code inventory.order.events}
     */
    public TransientFailures(MeterRegistry metrics, String metricPrefix, Backoff backoff) {
        this(metrics, metricPrefix, backoff, Clock.systemUTC());
    }

    TransientFailures(MeterRegistry metrics, String metricPrefix, Backoff backoff, Clock clock) {
        this.backoff = backoff;
        this.clock = clock;
        this.retries = Counter.builder(metricPrefix + ".retries")
                .description("Tries of a record that failed for a transient reason and will be repeated")
                .register(metrics);
        Gauge.builder(metricPrefix + ".retrying", this, TransientFailures::retrying)
                .description("Records that failed for a transient reason and wait for their next try")
                .register(metrics);
        Gauge.builder(metricPrefix + ".retrying.oldest.age", this, TransientFailures::oldestSeconds)
                .description("Seconds since the record that has failed longest first failed")
                .baseUnit("seconds")
                .register(metrics);
    }

    /** The error handler's back-off: doubling from the initial pause up to the longest, without end. */
    BackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(backoff.initial().toMillis(), 2.0);
        backOff.setMaxInterval(backoff.max().toMillis());
        return backOff;
    }

    /** The record interceptor to give the listener container, so that a retried record is seen through. */
    public <K, V> RecordInterceptor<K, V> progress() {
        return new RecordInterceptor<>() {

            @Override
            public ConsumerRecord<K, V> intercept(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
                return record;
            }

            @Override
            public void success(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
                applied(record);
            }
        };
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        failing.set(record);
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        failing.remove();
        retried.remove(partition(record));
    }

    @Override
    public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
        failing.remove();
    }

    /** The error handler will try the record again after {@code nextBackOff} ms. */
    @Override
    public void onNextBackOff(MessageListenerContainer container, Exception failure,
                              long nextBackOff) {
        ConsumerRecord<?, ?> record = failing.get();
        failing.remove();
        retries.increment();
        if (record != null) {
            noteRetry(record, failure, Duration.ofMillis(nextBackOff));
        }
        if (container == null) {
            sleeper.onNextBackOff(null, failure, nextBackOff);
        } else if (record != null) {
            pauser.pausePartition(container, partition(record), Duration.ofMillis(nextBackOff));
        } else {
            pauser.pause(container, Duration.ofMillis(nextBackOff));
        }
    }

    private void noteRetry(ConsumerRecord<?, ?> record, Exception failure, Duration next) {
        Instant now = clock.instant();
        TopicPartition partition = partition(record);
        Retried entry = retried.compute(partition, (key, earlier) ->
                earlier != null && earlier.offset == record.offset()
                        ? earlier.failedAgain(now, next)
                        : new Retried(record.offset(), now, 1, now.plus(next), null));
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        String reason = failure == null ? "unknown" : DeadLetters.reason(failure);
        if (entry.lastLogged != null && now.isBefore(entry.lastLogged.plus(LOG_EVERY))) {
            log.debug("{} failed again (try {}): {}", where, entry.attempts, reason);
            return;
        }
        if (entry.attempts == 1) {
            log.warn("{} failed: {}; trying it again in {} ms, its partition waits", where, reason, next.toMillis());
        } else {
            log.warn("{} still fails after {} tries over {} s: {}; next try in {} ms", where, entry.attempts,
                    Duration.between(entry.since, now).toSeconds(), reason, next.toMillis());
        }
        retried.replace(partition, entry, entry.logged(now));
    }

    void applied(ConsumerRecord<?, ?> record) {
        if (retried.isEmpty()) {
            return;
        }
        Retried entry = retried.get(partition(record));
        if (entry != null && record.offset() >= entry.offset && retried.remove(partition(record), entry)) {
            log.info("{}-{}@{} applied after {} failed tries over {} s", record.topic(), record.partition(),
                    entry.offset, entry.attempts, Duration.between(entry.since, clock.instant()).toSeconds());
        }
    }

    int retrying() {
        forgetOverdue();
        return retried.size();
    }

    double oldestSeconds() {
        forgetOverdue();
        Instant now = clock.instant();
        return retried.values().stream()
                .mapToDouble(entry -> Duration.between(entry.since, now).toMillis() / 1000.0)
                .max()
                .orElse(0);
    }

    private void forgetOverdue() {
        Instant cutoff = clock.instant().minus(FORGET_AFTER);
        retried.values().removeIf(entry -> entry.nextTry.isBefore(cutoff));
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    /** The failing record of a partition: since when it fails, how often, when it is due again, when logged. */
    private record Retried(long offset, Instant since, int attempts, Instant nextTry, Instant lastLogged) {

        Retried failedAgain(Instant now, Duration next) {
            return new Retried(offset, since, attempts + 1, now.plus(next), lastLogged);
        }

        Retried logged(Instant now) {
            return new Retried(offset, since, attempts, nextTry, now);
        }
    }

    /**
     * @param initial the pause before the second try; each next one doubles
     * @param max the longest pause, and so the longest a partition waits after its store is back
     */
    public record Backoff(Duration initial, Duration max) {

        /** 0.5 s, 1 s, 2 s, … then every 10 s until the record is applied. */
        public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));

        public Backoff {
            if (initial.isNegative() || max.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoffs must not be negative, and max not below initial");
            }
        }
    }
}
