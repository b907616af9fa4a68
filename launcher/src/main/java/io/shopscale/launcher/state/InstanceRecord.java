package io.shopscale.launcher.state;

import java.time.Instant;
import java.util.List;

/**
 * One running instance as the state file remembers it.
 *
 * @param ports the ports it listens on, its main one first
 * @param jar the jar on its command line, to recognise the process again
 */
public record InstanceRecord(String component, int instance, long pid, int port, List<Integer> ports, String jar,
        String log, Instant startedAt) {

    public InstanceRecord {
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    public String name() {
        return instance == 1 ? component : component + "-" + instance;
    }
}
