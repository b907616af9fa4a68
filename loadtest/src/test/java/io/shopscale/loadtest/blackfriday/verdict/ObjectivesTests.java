package io.shopscale.loadtest.blackfriday.verdict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.shopscale.loadtest.blackfriday.audit.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ObjectivesTests {

    @TempDir
    Path dir;

    @Test
    void defaultsThenProfileThenFileThenOptions() throws Exception {
        Path file = Files.writeString(dir.resolve("objectives.properties"),
                "# tighter search\nlatency.search.p99=150ms\nerror-rate=1%\n");

        List<Objective> objectives = Objectives.resolve(Map.of("latency.checkout.p99", "2s", "error-rate", "5%"),
                file, Map.of("error-rate", "0.02", "server-errors", "off", "latency.order.p99.9", "300ms"));

        assertThat(objectives).extracting(Objective::key).contains("latency.checkout.p99", "latency.search.p99",
                "order-final.p99", "latency.order.p99.9").doesNotContain("server-errors");
        assertThat(find(objectives, "latency.checkout.p99").limit()).isEqualTo(2000);
        assertThat(find(objectives, "latency.search.p99").limit()).isEqualTo(150);
        assertThat(find(objectives, "error-rate").limit()).isEqualTo(0.02);
        assertThat(find(objectives, "latency.order.p99.9").percentile()).isEqualTo(99.9);
    }

    @Test
    void theDefaultsHoldTheCheckoutTargetAndNoServerErrors() {
        List<Objective> objectives = Objectives.resolve(Map.of(), null, Map.of());

        assertThat(find(objectives, "latency.checkout.p99").limit()).isEqualTo(100);
        assertThat(find(objectives, "server-errors").limit()).isZero();
        assertThat(find(objectives, "error-rate").limit()).isEqualTo(0.001);
    }

    @Test
    void badObjectivesAreRefusedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> Objective.parse("latency.basket.p99", "1s"))
                .withMessageContaining("names no endpoint");
        assertThatIllegalArgumentException().isThrownBy(() -> Objective.parse("throughput", "1"))
                .withMessageContaining("unknown objective");
        assertThatIllegalArgumentException().isThrownBy(() -> Objective.parse("latency.search.p99", "fast"))
                .withMessageContaining("not a duration");
        assertThatIllegalArgumentException().isThrownBy(() -> Objective.parse("server-errors", "-1"));
        assertThatIllegalArgumentException().isThrownBy(() -> Objective.parse("order-final.p100", "1s"));
    }

    @Test
    void eachObjectiveIsACeilingAndAMissingValueMissesIt() {
        Measured measured = new Measured() {
            public Reading latencyMillis(String endpoint, double percentile) {
                return endpoint.equals("checkout") ? Reading.of(84.2) : Reading.none("no measured answers");
            }

            public Reading orderFinalMillis(double percentile) {
                return Reading.none("3 of 40 accepted orders never seen final");
            }

            public double errorRate() {
                return 0.0005;
            }

            public long serverErrors() {
                return 2;
            }
        };

        assertThat(Objective.parse("latency.checkout.p99", "100ms").evaluate(measured))
                .isEqualTo(new ObjectiveResult("latency.checkout.p99", "≤ 100ms", "84.20 ms", true, null));
        assertThat(Objective.parse("latency.checkout.p99", "50ms").evaluate(measured).passed()).isFalse();
        assertThat(Objective.parse("latency.login.p99", "1s").evaluate(measured).passed()).isFalse();
        assertThat(Objective.parse("order-final.p99", "5s").evaluate(measured))
                .satisfies(r -> assertThat(r.passed()).isFalse())
                .satisfies(r -> assertThat(r.note()).contains("never seen final"));
        assertThat(Objective.parse("error-rate", "0.1%").evaluate(measured).measured()).isEqualTo("0.050%");
        assertThat(Objective.parse("server-errors", "0").evaluate(measured).passed()).isFalse();
    }

    @Test
    void aBrokenInvariantOutranksAMissedObjective() {
        Check broken = new Check("no-oversell", "rule", Check.Status.FAIL, 2, "2 units oversold", List.of());
        Check fine = new Check("stock-conserved", "rule", Check.Status.PASS, 0, "0 of 2 SKUs", List.of());
        ObjectiveResult missed = new ObjectiveResult("latency.checkout.p99", "≤ 100ms", "120.00 ms", false, null);
        ObjectiveResult met = new ObjectiveResult("error-rate", "≤ 1%", "0.000%", true, null);

        assertThat(Verdict.of(List.of(fine), List.of(met))).isEqualTo(new Verdict(true, 0, List.of()));
        assertThat(Verdict.of(List.of(fine), List.of(met, missed)).exitCode()).isEqualTo(Verdict.OBJECTIVE_MISSED);
        Verdict both = Verdict.of(List.of(broken, fine), List.of(missed));
        assertThat(both.exitCode()).isEqualTo(Verdict.INVARIANT_BROKEN);
        assertThat(both.failures()).containsExactly("invariant no-oversell: FAIL (2 units oversold)",
                "objective latency.checkout.p99: 120.00 ms, limit ≤ 100ms");
    }

    private static Objective find(List<Objective> objectives, String key) {
        return objectives.stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
    }
}
