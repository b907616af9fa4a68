package io.shopscale.loadtest.blackfriday.drill;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.shopscale.loadtest.blackfriday.audit.AuditException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The wait for the backlog on a fake clock: each pause moves it forward. */
class SettlingTests {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private long nanos;
    private final StringWriter progress = new StringWriter();

    @Test
    void drainsWhenNothingIsLeftAndSaysWhen() throws Exception {
        Deque<Object> readings = new ArrayDeque<>(List.of(new Backlog(3, 1, 0, 2, 0, 0, 0),
                new AuditException("the database is starting up", null), new Backlog(0, 0, 1, 0, 0, 1, 1),
                new Backlog(0, 0, 0, 0, 0, 0, 0)));

        Settling.Outcome outcome = settling(readings, Duration.ofSeconds(30)).await();

        assertThat(outcome.drained()).isTrue();
        assertThat(outcome.at()).isEqualTo(T0.plusMillis(1500));
        assertThat(outcome.remaining()).isEqualTo("nothing");
        assertThat(progress.toString()).contains("3 orders PENDING_PAYMENT, 1 order events not yet on Kafka, "
                + "2 payments still to charge or refund").contains("drained");
    }

    @Test
    void givesUpAtTheTimeoutSayingWhatWasLeft() throws Exception {
        Deque<Object> readings = new ArrayDeque<>();
        for (int i = 0; i < 100; i++) {
            readings.add(new Backlog(0, 0, 0, 0, 0, 2, 0));
        }

        Settling.Outcome outcome = settling(readings, Duration.ofSeconds(3)).await();

        assertThat(outcome.drained()).isFalse();
        assertThat(outcome.at()).isNull();
        assertThat(outcome.remaining()).isEqualTo("2 reservations still held for final orders");
        assertThat(nanos).isEqualTo(Duration.ofSeconds(3).toNanos());
    }

    private Settling settling(Deque<Object> readings, Duration timeout) {
        return new Settling(() -> {
            Object next = readings.removeFirst();
            if (next instanceof AuditException failure) {
                throw failure;
            }
            return (Backlog) next;
        }, timeout, pause -> nanos += pause.toNanos(), () -> nanos, () -> T0.plusNanos(nanos),
                new PrintWriter(progress, true));
    }
}
