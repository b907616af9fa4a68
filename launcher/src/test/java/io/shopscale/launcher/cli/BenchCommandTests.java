package io.shopscale.launcher.cli;

import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.state.InstanceRecord;
import io.shopscale.launcher.state.RunState;
import io.shopscale.launcher.state.SecretFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchCommandTests {

    @Test
    void theBenchmarkIsPointedAtTheRunningGatewayDatabaseAndProvider() {
        RunState state = new RunState(Instant.now(), Map.of("SHOPSCALE_POSTGRES_URL", "jdbc:postgresql://db:5432/shop",
                "SHOPSCALE_POSTGRES_USER", "shop"), List.of(instance("gateway", 4242, 9080),
                instance("psp", 4243, 9090, 9091)));

        assertThat(BenchCommand.platformArguments(state)).containsExactly("--gateway", "http://127.0.0.1:9080",
                "--psp", "http://127.0.0.1:9090", "--postgres", "jdbc:postgresql://db:5432/shop",
                "--postgres-user", "shop", "--process", "gateway-1=4242", "--process", "psp-1=4243");
    }

    @Test
    void withoutTheSimulatorTheProvidersLedgerIsNotAudited() {
        RunState state = new RunState(Instant.now(), Map.of(), List.of(instance("gateway", 4242, 8080)));

        assertThat(BenchCommand.platformArguments(state)).containsExactly("--gateway", "http://127.0.0.1:8080",
                "--psp", "none", "--process", "gateway-1=4242");
    }

    @Test
    void everyProcessOfThePlatformIsNamedOnceWithItsPid() {
        Instant now = Instant.now();
        RunState state = new RunState(now, Map.of(), List.of(
                new InstanceRecord("stores", 1, 100, 15432, List.of(15432), "stores.jar", "stores.log", now),
                new InstanceRecord("catalog", 1, 200, 8081, List.of(8081), "compact.jar", "compact.log", now,
                        "compact"),
                new InstanceRecord("gateway", 1, 200, 8080, List.of(8080), "compact.jar", "compact.log", now,
                        "compact"),
                new InstanceRecord("catalog", 2, 300, 18081, List.of(18081), "catalog.jar", "catalog-2.log", now),
                new InstanceRecord("psp", 1, 400, 8090, List.of(8090, 8091), "psp.jar", "psp.log", now)));

        List<String> arguments = BenchCommand.platformArguments(state);

        assertThat(arguments.subList(arguments.indexOf("--process"), arguments.size())).containsExactly(
                "--process", "stores-1=100", "--process", "compact=200", "--process", "catalog-2=300",
                "--process", "psp-1=400");
    }

    @Test
    void withoutAGatewayThereIsNothingToMeasure() {
        RunState state = new RunState(Instant.now(), Map.of(), List.of(instance("catalog", 4242, 8081)));

        assertThatThrownBy(() -> BenchCommand.platformArguments(state)).isInstanceOf(Failure.class)
                .hasMessageContaining("gateway is not running");
    }

    @Test
    void theLoadGeneratorGetsTheGeneratedAdministratorPasswordInItsEnvironmentOnly(@TempDir Path home) {
        assertThat(BenchCommand.loadEnvironment(settings(home, Map.of()))).isEmpty();

        String password = SecretFile.in(home.resolve(".shopscale"), "admin-password").readOrCreate();

        assertThat(BenchCommand.loadEnvironment(settings(home, Map.of())))
                .containsExactly(Map.entry("SHOPSCALE_ADMIN_PASSWORD", password));
        // A password the user chose reaches the load generator with the rest of the environment, untouched.
        assertThat(BenchCommand.loadEnvironment(settings(home, Map.of("SHOPSCALE_ADMIN_PASSWORD", "mine-2024-xyz"))))
                .isEmpty();
    }

    @Test
    void theAuditReadsTheEmbeddedPostgresAsItsSuperuserWhosePasswordIsInItsEnvironment(@TempDir Path home) {
        String superuser = SecretFile.in(home.resolve(".shopscale"), "postgres-password").readOrCreate();

        assertThat(BenchCommand.loadEnvironment(settings(home, Map.of("SHOPSCALE_ADMIN_PASSWORD", "mine-2024-xyz"))))
                .containsExactly(Map.entry("SHOPSCALE_POSTGRES_PASSWORD", superuser));
        // An external server's password is the user's, which reaches the load generator with their environment.
        assertThat(BenchCommand.loadEnvironment(settings(home, Map.of("SHOPSCALE_ADMIN_PASSWORD", "mine-2024-xyz",
                "SHOPSCALE_POSTGRES_URL", "jdbc:postgresql://db/shop")))).isEmpty();
    }

    private static Settings settings(Path home, Map<String, String> environment) {
        var system = new Properties();
        system.setProperty("user.dir", home.toString());
        system.setProperty("java.home", System.getProperty("java.home"));
        return Settings.resolve(environment, system, null);
    }

    private static InstanceRecord instance(String component, long pid, Integer... ports) {
        return new InstanceRecord(component, 1, pid, ports[0], List.of(ports), component + ".jar", component + ".log",
                Instant.now());
    }
}
