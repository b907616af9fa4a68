package io.shopscale.launcher.cli;

import io.shopscale.launcher.FakeComponent;
import io.shopscale.launcher.ShopScaleCommand;
import io.shopscale.launcher.platform.Component;
import io.shopscale.launcher.platform.Components;
import io.shopscale.launcher.platform.Ports;
import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.process.Liveness;
import io.shopscale.launcher.process.Supervisor;
import io.shopscale.launcher.state.InstanceRecord;
import io.shopscale.launcher.state.RunState;
import io.shopscale.launcher.state.StateStore;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** A repository whose jars are {@link FakeComponent}s, on free ports, driven through the real commands. */
final class FakePlatform {

    final Path home;

    final Map<String, String> environment = new HashMap<>();

    record Result(int exitCode, String out, String err) {
    }

    FakePlatform(Path home) throws IOException {
        this.home = home;
        for (Component component : Components.all()) {
            FakeComponent.jar(component.jar(home, Settings.platformVersion()));
        }
        // Every port distinct, the Kafka controller's next to the broker included: the launcher refuses a port
        // claimed twice, and the operating system may well hand out the same free port again.
        var taken = new HashSet<Integer>();
        int kafka = Ports.free();
        while (Ports.inUse(kafka + 1)) {
            kafka = Ports.free();
        }
        taken.addAll(List.of(kafka, kafka + 1));
        environment.put("SHOPSCALE_KAFKA_PORT", Integer.toString(kafka));
        var variables = new ArrayList<>(List.of("SHOPSCALE_POSTGRES_PORT", "SHOPSCALE_REDIS_PORT"));
        for (Component component : Components.all()) {
            if (component.kind() == Component.Kind.SERVICE) {
                variables.addAll(List.of(component.portVariable(), component.adminPortVariable()));
            }
        }
        for (String variable : variables) {
            int port = Ports.free();
            while (!taken.add(port)) {
                port = Ports.free();
            }
            environment.put(variable, Integer.toString(port));
        }
        // Archives would only slow these tiny JVMs down.
        environment.put("SHOPSCALE_CDS", "off");
        // Fake components run a process each; the compact topology's host runs real services only.
        environment.put("SHOPSCALE_TOPOLOGY", "services");
    }

    Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine cli = Cli.create(new ShopScaleCommand(), new Context(Map.copyOf(environment), system(),
                new Supervisor(), Duration.ofSeconds(5)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    Properties system() {
        var system = new Properties();
        system.setProperty("user.dir", home.toString());
        system.setProperty(Settings.HOME_PROPERTY, home.toString());
        system.setProperty(Settings.JAVA_PROPERTY, java());
        system.setProperty("java.home", System.getProperty("java.home"));
        return system;
    }

    static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    int port(String variable) {
        return Integer.parseInt(environment.get(variable));
    }

    StateStore store() {
        return new StateStore(home.resolve(".shopscale/run"));
    }

    List<InstanceRecord> instances() {
        return store().read().map(RunState::instances).orElse(List.of());
    }

    Optional<InstanceRecord> instance(String name) {
        return instances().stream().filter(instance -> instance.name().equals(name)).findFirst();
    }

    static boolean alive(InstanceRecord instance) {
        return Liveness.isAlive(instance.pid(), instance.jar(), instance.startedAt());
    }

    /** Whatever a failed test left running. */
    void killAll() {
        for (InstanceRecord instance : instances()) {
            ProcessHandle.of(instance.pid()).ifPresent(process -> {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            });
        }
    }
}
