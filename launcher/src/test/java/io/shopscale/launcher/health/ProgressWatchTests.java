package io.shopscale.launcher.health;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressWatchTests {

    private static final Patience PATIENCE = new Patience(Duration.ofSeconds(60), Duration.ofMinutes(15),
            Duration.ofMillis(500));

    private final ProgressWatch watch = new ProgressWatch(PATIENCE, work(100, 0), 0);

    @Test
    void anInstanceThatDoesNothingStallsAfterTheWindow() {
        watch.observe(work(100, 0), seconds(30));
        assertThat(watch.stalled(seconds(59))).isFalse();

        watch.observe(work(100, 0), seconds(60));
        assertThat(watch.stalled(seconds(60))).isTrue();
    }

    @Test
    void aGrowingLogIsProgress() {
        watch.observe(work(101, 0), seconds(50));

        assertThat(watch.stalled(seconds(100))).isFalse();
        assertThat(watch.stalled(seconds(110))).isTrue();
    }

    @Test
    void processorTimeIsProgressOnceItReachesTheMinimumSinceTheLastProgress() {
        watch.observe(work(100, 300), seconds(20));
        watch.observe(work(100, 499), seconds(40));
        assertThat(watch.stalled(seconds(60))).as("499 ms of CPU in a minute is idling").isTrue();

        watch.observe(work(100, 500), seconds(50));
        assertThat(watch.stalled(seconds(100))).isFalse();
        assertThat(watch.stalled(seconds(110))).isTrue();
    }

    @Test
    void aLogThatShrankIsMeasuredFromItsNewSize() {
        watch.observe(work(10, 0), seconds(10));
        watch.observe(work(20, 0), seconds(40));

        assertThat(watch.stalled(seconds(90))).isFalse();
    }

    private static Work work(long logBytes, long cpuMillis) {
        return new Work(logBytes, Duration.ofMillis(cpuMillis));
    }

    private static long seconds(long seconds) {
        return Duration.ofSeconds(seconds).toNanos();
    }
}
