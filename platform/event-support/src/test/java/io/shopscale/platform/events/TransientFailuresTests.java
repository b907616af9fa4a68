package io.shopscale.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopscale.platform.events.TransientFailures.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class TransientFailuresTests {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock();
    private final TransientFailures failures = new TransientFailures(metrics, "test.events",
            new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)), clock);
    private final Exception databaseAway = new DataAccessResourceFailureException("connection refused");

    @Test
    void aRecordHoldsItsPartitionFromItsFirstFailureUntilItIsApplied() {
        ConsumerRecord<String, String> stuck = record(0, 7);

        fail(stuck);
        clock.advance(Duration.ofSeconds(30));
        fail(record(1, 3));
        clock.advance(Duration.ofSeconds(15));
        fail(stuck);

        assertThat(gauge("test.events.retrying")).isEqualTo(2);
        assertThat(gauge("test.events.retrying.oldest.age")).isEqualTo(45);
        assertThat(metrics.counter("test.events.retries").count()).isEqualTo(3);

        failures.applied(record(0, 6));
        assertThat(gauge("test.events.retrying")).as("an earlier record changes nothing").isEqualTo(2);
        failures.applied(stuck);
        assertThat(gauge("test.events.retrying")).isEqualTo(1);
        assertThat(gauge("test.events.retrying.oldest.age")).isEqualTo(15);
        failures.applied(record(1, 3));
        assertThat(gauge("test.events.retrying")).isZero();
        assertThat(gauge("test.events.retrying.oldest.age")).isZero();
    }

    @Test
    void aParkedRecordNoLongerHoldsItsPartition() {
        fail(record(0, 7));

        failures.recovered(record(0, 7), databaseAway);

        assertThat(gauge("test.events.retrying")).isZero();
    }

    @Test
    void aRecordNotTriedAgainLongAfterItWasDueWentToAnotherConsumer() {
        fail(record(0, 7));

        clock.advance(TransientFailures.FORGET_AFTER.plusSeconds(1));

        assertThat(gauge("test.events.retrying")).isZero();
    }

    @Test
    void theNextRecordOfAPartitionStartsAFreshCount() {
        fail(record(0, 7));
        clock.advance(Duration.ofSeconds(20));

        fail(record(0, 8));

        assertThat(gauge("test.events.retrying")).isEqualTo(1);
        assertThat(gauge("test.events.retrying.oldest.age")).isZero();
    }

    /** As the error handler reports a failure it will retry: the record first, then the pause before it. */
    private void fail(ConsumerRecord<String, String> record) {
        failures.failedDelivery(record, databaseAway, 1);
        failures.onNextBackOff(null, databaseAway, 1);
    }

    private double gauge(String name) {
        return metrics.get(name).gauge().value();
    }

    private static ConsumerRecord<String, String> record(int partition, long offset) {
        return new ConsumerRecord<>("shopscale.orders", partition, offset, "order-" + offset, "{}");
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-27T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
