package io.shopscale.launcher.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to run one instance of a component.
 *
 * @param environment variables added to the launcher's own environment
 * @param ports the ports the instance listens on, the first being its main one
 * @param host {@code null} for an instance in a process of its own; else the process that hosts it (the compact
 *        topology's JVM), whose command, jar and log it shares
 */
public record LaunchSpec(String component, int instance, List<String> command, Map<String, String> environment,
        Path directory, Path jar, Path log, List<Integer> ports, String host) {

    public LaunchSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        ports = List.copyOf(ports);
    }

    public LaunchSpec(String component, int instance, List<String> command, Map<String, String> environment,
            Path directory, Path jar, Path log, List<Integer> ports) {
        this(component, instance, command, environment, directory, jar, log, ports, null);
    }

    /** The same instance, run inside {@code host}'s process. */
    public LaunchSpec hostedIn(LaunchSpec host) {
        return new LaunchSpec(component, instance, host.command(), host.environment(), host.directory(), host.jar(),
                host.log(), ports, host.component());
    }

    public String name() {
        return instance == 1 ? component : component + "-" + instance;
    }

    public int port() {
        return ports.isEmpty() ? 0 : ports.getFirst();
    }
}
