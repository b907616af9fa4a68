package io.shopscale.launcher.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to run one instance of a component.
 *
 * @param environment variables added to the launcher's own environment
 * @param ports the ports the instance listens on, the first being its main one
 */
public record LaunchSpec(String component, int instance, List<String> command, Map<String, String> environment,
        Path directory, Path jar, Path log, List<Integer> ports) {

    public LaunchSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        ports = List.copyOf(ports);
    }

    public String name() {
        return instance == 1 ? component : component + "-" + instance;
    }

    public int port() {
        return ports.isEmpty() ? 0 : ports.getFirst();
    }
}
