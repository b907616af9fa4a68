package io.shopscale.launcher.cli;

import io.shopscale.launcher.state.InstanceRecord;
import io.shopscale.launcher.state.RunState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchCommandTests {

    @Test
    void theBenchmarkIsPointedAtTheRunningGatewayDatabaseAndProvider() {
        RunState state = new RunState(Instant.now(), Map.of("SHOPSCALE_POSTGRES_URL", "jdbc:postgresql://db:5432/shop",
                "SHOPSCALE_POSTGRES_USER", "shop"), List.of(instance("gateway", 9080), instance("psp", 9090, 9091)));

        assertThat(BenchCommand.platformArguments(state)).containsExactly("--gateway", "http://127.0.0.1:9080",
                "--psp", "http://127.0.0.1:9090", "--postgres", "jdbc:postgresql://db:5432/shop",
                "--postgres-user", "shop");
    }

    @Test
    void withoutTheSimulatorTheProvidersLedgerIsNotAudited() {
        RunState state = new RunState(Instant.now(), Map.of(), List.of(instance("gateway", 8080)));

        assertThat(BenchCommand.platformArguments(state)).containsExactly("--gateway", "http://127.0.0.1:8080",
                "--psp", "none");
    }

    @Test
    void withoutAGatewayThereIsNothingToMeasure() {
        RunState state = new RunState(Instant.now(), Map.of(), List.of(instance("catalog", 8081)));

        assertThatThrownBy(() -> BenchCommand.platformArguments(state)).isInstanceOf(Failure.class)
                .hasMessageContaining("gateway is not running");
    }

    private static InstanceRecord instance(String component, Integer... ports) {
        return new InstanceRecord(component, 1, 4242, ports[0], List.of(ports), component + ".jar", component + ".log",
                Instant.now());
    }
}
