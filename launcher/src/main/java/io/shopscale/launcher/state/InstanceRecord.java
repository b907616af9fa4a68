package io.shopscale.launcher.state;

import java.time.Instant;
import java.util.List;

/**
 * One running instance as the state file remembers it.
 *
 * @param ports the ports it listens on, its main one first
 * @param jar the jar on its command line, to recognise the process again
 * @param host {@code null} when the instance is a process of its own; else the process hosting it (the compact
 *        topology's JVM, shared by every service in it)
 */
public record InstanceRecord(String component, int instance, long pid, int port, List<Integer> ports, String jar,
        String log, Instant startedAt, String host) {

    public InstanceRecord {
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    public InstanceRecord(String component, int instance, long pid, int port, List<Integer> ports, String jar,
            String log, Instant startedAt) {
        this(component, instance, pid, port, ports, jar, log, startedAt, null);
    }

    public boolean hosted() {
        return host != null;
    }

    public String name() {
        return instance == 1 ? component : component + "-" + instance;
    }
}
