package io.shopscale.loadtest.run;

import java.time.Duration;
import java.util.List;

import io.shopscale.loadtest.http.Outcome;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OpenLoopTests {

    private final PhaseStats stats = new PhaseStats(ExpectedStatus.DEFAULT);

    @Test
    void latencyIsTheServiceTimeWhenTheServerKeepsUp() {
        var runtime = new SimulatedRuntime(16, 500);

        long window = run(runtime, 1000, Duration.ofMillis(100));

        Histogram latency = stats.histogram();
        assertThat(window).isEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(stats.counts().success()).isEqualTo(100);
        assertThat(stats.counts().late()).isZero();
        assertThat(stats.counts().dropped()).isZero();
        assertThat(latency.getMinValue()).isEqualTo(500);
        assertThat(latency.getMaxValue()).isEqualTo(500);
    }

    @Test
    void queueingBehindASlowServerCountsFromTheIntendedSendTime() {
        // 1000 req/s offered, but one request at a time and 2 ms each: request k can only go out at 2k ms
        // although it was due at k ms, so it answers at 2k + 2 ms and its latency is k + 2 ms.
        var runtime = new SimulatedRuntime(1, 2_000);

        run(runtime, 1000, Duration.ofMillis(100));

        Histogram latency = stats.histogram();
        Counts counts = stats.counts();
        assertThat(counts.success()).isEqualTo(50);
        assertThat(counts.dropped()).as("due in the window but never sent").isEqualTo(50);
        assertThat(counts.late()).as("sent more than 1 ms after due: k >= 2").isEqualTo(48);
        assertThat(latency.getMinValue()).isEqualTo(2_000);
        assertThat((double) latency.getMaxValue()).isCloseTo(51_000, within(51.0));
        assertThat(latency.getMean()).isCloseTo(26_500, within(30.0));
        assertThat(counts.errorRate()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aSlowServerWithRoomInFlightShowsItsQueueInTheTail() {
        // 500 req/s against a server that manages 400 req/s: the queue grows for the whole window.
        var runtime = new SimulatedRuntime(512, 2_500);

        run(runtime, 500, Duration.ofSeconds(1));

        Histogram latency = stats.histogram();
        assertThat(stats.counts().success()).isEqualTo(500);
        assertThat(stats.counts().dropped()).isZero();
        assertThat(latency.getMinValue()).isEqualTo(2_500);
        // The last request, due at 998 ms, is served after 500 × 2.5 ms = 1250 ms: 252 ms late.
        assertThat((double) latency.getMaxValue()).isCloseTo(252_000, within(300.0));
        assertThat(latency.getValueAtPercentile(50)).isGreaterThan(100_000);
    }

    @Test
    void requestsStillUnansweredAfterTheDrainAreReportedAsTimeouts() {
        var runtime = new SimulatedRuntime(512, 30_000_000);

        run(runtime, 1000, Duration.ofMillis(10));

        Counts counts = stats.counts();
        assertThat(counts.timeouts()).as("30 s each against a 10 s drain: none answers in time").isEqualTo(10);
        assertThat(counts.success()).isZero();
        assertThat(counts.errors()).isEqualTo(10);
    }

    @Test
    void failedRequestsAreCountedAsErrors() {
        stats.record(Outcome.response(200), 1_000_000);
        stats.record(Outcome.response(503), 1_000_000);
        stats.record(Outcome.timeout(), 10_000_000);
        stats.record(Outcome.failure(), 0);

        Counts counts = stats.counts();
        assertThat(counts.completed()).isEqualTo(4);
        assertThat(counts.errors()).isEqualTo(3);
        assertThat(counts.serverError()).isEqualTo(1);
        assertThat(stats.histogram().getTotalCount()).as("transport failures carry no latency").isEqualTo(3);
    }

    private long run(SimulatedRuntime runtime, double rate, Duration window) {
        var picker = new RequestPicker(List.of(Outcome::failure), 1, 1, 0);
        return new OpenLoop(runtime, picker, stats, rate).run(window, Duration.ofSeconds(10));
    }
}
