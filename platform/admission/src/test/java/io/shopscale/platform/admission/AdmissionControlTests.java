package io.shopscale.platform.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdmissionControlTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** A limit pinned at ten: min, initial and max alike, so the test is about admission, not adaptation. */
    private final AdmissionControl control = AdmissionControl.create("test",
            new AdmissionProperties(true, 10, 10, 10, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(2)), meters);

    @Test
    void belowTheLimitEveryPriorityGetsIn() {
        List<AdmissionControl.Permit> permits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            permits.add(control.tryAdmit(Priority.SHEDDABLE).orElseThrow());
        }
        assertThat(control.inFlight()).isEqualTo(10);
        permits.forEach(AdmissionControl.Permit::served);
        assertThat(control.inFlight()).isZero();
    }

    @Test
    void atTheLimitSearchIsRefusedWhileCheckoutKeepsItsShare() {
        for (int i = 0; i < 10; i++) {
            control.tryAdmit(Priority.SHEDDABLE).orElseThrow();
        }

        assertThat(control.tryAdmit(Priority.SHEDDABLE)).isEmpty();
        assertThat(control.tryAdmit(Priority.STANDARD)).isPresent();
        assertThat(control.tryAdmit(Priority.CRITICAL)).isPresent();
        assertThat(meters.get("shopscale.admission.refused").tag("priority", "sheddable").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aPriorityPastItsShareIsRefusedOnceTheLimitIsReached() {
        for (int i = 0; i < 10; i++) {
            control.tryAdmit(Priority.CRITICAL).orElseThrow();
        }

        // Critical holds all ten slots, past its half: at the limit it gets no more, and the others their share.
        assertThat(control.tryAdmit(Priority.CRITICAL)).isEmpty();
        assertThat(control.tryAdmit(Priority.SHEDDABLE)).isPresent();
        assertThat(control.tryAdmit(Priority.SHEDDABLE)).isPresent();
        assertThat(control.tryAdmit(Priority.SHEDDABLE)).isEmpty();
    }

    @Test
    void aClosedPermitFreesItsSlot() {
        List<AdmissionControl.Permit> permits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            permits.add(control.tryAdmit(Priority.SHEDDABLE).orElseThrow());
        }
        assertThat(control.tryAdmit(Priority.SHEDDABLE)).isEmpty();

        permits.getFirst().closeWith(200);

        assertThat(control.tryAdmit(Priority.SHEDDABLE)).isPresent();
    }

    @Test
    void theLimitAndTheRequestsInFlightArePublished() {
        control.tryAdmit(Priority.STANDARD).orElseThrow();

        assertThat(meters.get("shopscale.admission.limit").tag("server", "test").gauge().value()).isEqualTo(10);
        assertThat(meters.get("shopscale.admission.in.flight").tag("server", "test").gauge().value()).isEqualTo(1);
    }

    @Test
    void aRefusalSaysWhenToComeBack() {
        assertThat(control.retryAfterSeconds()).isEqualTo(2);
        assertThat(control.refusalDetail()).contains("2 s");
    }

    @Test
    void theLimitShrinksWhileLatencyIsAboveTheTargetAndGrowsBackWhenItHolds() {
        AtomicLong now = new AtomicLong(0);
        AdmissionControl adaptive = AdmissionControl.create("adaptive", new AdmissionProperties(true, 50, 10, 100,
                Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1)), meters, now::get);

        for (int window = 0; window < 8; window++) {
            serveWindow(adaptive, now, 30, Duration.ofMillis(200));
        }
        int shrunk = adaptive.limit();
        assertThat(shrunk).isLessThan(50).isGreaterThanOrEqualTo(10);

        for (int window = 0; window < 8; window++) {
            serveWindow(adaptive, now, shrunk, Duration.ofMillis(20));
        }
        assertThat(adaptive.limit()).isGreaterThan(shrunk);
    }

    /** One window's worth of requests, all taking the same time, then the clock moves past the window's end. */
    private static void serveWindow(AdmissionControl control, AtomicLong now, int requests, Duration latency) {
        List<AdmissionControl.Permit> permits = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            control.tryAdmit(Priority.CRITICAL).ifPresent(permits::add);
        }
        now.addAndGet(latency.toNanos());
        permits.forEach(AdmissionControl.Permit::served);
        now.addAndGet(Duration.ofMillis(300).toNanos());
    }

    @Test
    void inconsistentLimitsAreRejectedAtStartup() {
        assertThatThrownBy(() -> new AdmissionProperties(true, 5, 10, 100, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min-limit");
    }
}
