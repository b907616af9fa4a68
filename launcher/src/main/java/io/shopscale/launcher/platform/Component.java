package io.shopscale.launcher.platform;

import io.shopscale.launcher.health.HealthCheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One deployable of the platform as the launcher runs it: its module, its default port, the stage it starts in and
 * whether more instances of it may run side by side.
 *
 * @param routeProbes paths that must answer 200 on this component before it counts as ready, beyond its own
 *     readiness: a gateway is only useful to a user once it can reach the services behind it
 * @param defaultAdminPort 0, or the port of the service's management listener on loopback: its actuator (health,
 *     metrics) and, for the payment provider simulator, its fault settings. Apart from the main port, so that the
 *     gateway's public port serves no actuator, probes are never queued behind or shed with user requests, and health
 *     still answers while the main port refuses connections on purpose (an outage drill)
 */
public record Component(String name, String module, Kind kind, int defaultPort, int stage, boolean scalable,
        String maxHeap, List<String> routeProbes, int defaultAdminPort) {

    public enum Kind {
        /** PostgreSQL, Redis and Kafka in one process that takes its ports as arguments; ready when they accept TCP. */
        STORES,
        /** A Spring Boot service configured through its environment; ready when its readiness group says so. */
        SERVICE,
        /**
         * The compact topology's one JVM, which runs every service as the services topology would run each in a
         * process of its own. Only its services show in status and logs; they are ready when each says so.
         */
        HOST
    }

    static Component stores(String name, String module, int stage) {
        return new Component(name, module, Kind.STORES, 0, stage, false, "256m", List.of(), 0);
    }

    public static Component compactHost() {
        // Every service's live data under a Black-Friday load fits in about 200 MB; the rest is room for young garbage.
        return new Component("compact", "platform/compact", Kind.HOST, 0, 1, false, "512m", List.of(), 0);
    }

    /** A service's management port is its port + {@value #ADMIN_PORT_OFFSET} unless said otherwise. */
    static final int ADMIN_PORT_OFFSET = 1000;

    static Component service(String name, String module, int port, int stage) {
        return new Component(name, module, Kind.SERVICE, port, stage, false, "192m", List.of(),
                port + ADMIN_PORT_OFFSET);
    }

    static Component scalableService(String name, String module, int port, int stage) {
        return new Component(name, module, Kind.SERVICE, port, stage, true, "192m", List.of(),
                port + ADMIN_PORT_OFFSET);
    }

    Component withRouteProbes(String... paths) {
        return new Component(name, module, kind, defaultPort, stage, scalable, maxHeap, List.of(paths),
                defaultAdminPort);
    }

    Component withMaxHeap(String heap) {
        return new Component(name, module, kind, defaultPort, stage, scalable, heap, routeProbes, defaultAdminPort);
    }

    Component withAdminPort(int port) {
        return new Component(name, module, kind, defaultPort, stage, scalable, maxHeap, routeProbes, port);
    }

    public boolean hasAdminPort() {
        return defaultAdminPort > 0;
    }

    /** The environment variable that moves this component's admin port, e.g. {@code SHOPSCALE_PSP_ADMIN_PORT}. */
    public String adminPortVariable() {
        return "SHOPSCALE_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_ADMIN_PORT";
    }

    /** The environment variable that moves this component's port, e.g. {@code SHOPSCALE_GATEWAY_PORT}. */
    public String portVariable() {
        return "SHOPSCALE_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
    }

    /** The environment variable with extra JVM options for this component only. */
    public String javaOptionsVariable() {
        return "SHOPSCALE_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_JAVA_OPTS";
    }

    /** Services and stores are Spring Boot's executable jars; the compact host is a plain one. */
    public Path jar(Path home, String version) {
        String artifact = Path.of(module).getFileName().toString();
        String classifier = kind == Kind.HOST ? "" : "-exec";
        return home.resolve(module).resolve("target").resolve(artifact + "-" + version + classifier + ".jar");
    }

    /** Room for the classes of every service in the host; one service's in a process of its own. */
    String maxMetaspace() {
        return kind == Kind.HOST ? "384m" : "192m";
    }

    String codeCache() {
        return kind == Kind.HOST ? "128m" : "64m";
    }

    /** Instance 1 carries the bare component name so single-instance logs and commands stay short. */
    public String instanceName(int instance) {
        return instance == 1 ? name : name + "-" + instance;
    }

    /** As {@link #readinessCheck(List, String)} for a component that listens on loopback. */
    public HealthCheck readinessCheck(List<Integer> ports) {
        return readinessCheck(ports, HealthCheck.LOOPBACK);
    }

    /**
     * @param ports the instance's ports, its main one first and its management port second
     * @param mainHost where the main port is reached: loopback, unless the gateway was told to listen elsewhere
     */
    public HealthCheck readinessCheck(List<Integer> ports, String mainHost) {
        return switch (kind) {
            case STORES, HOST -> HealthCheck.tcp(ports);
            case SERVICE -> {
                // Health lives on the management port, always on loopback.
                int healthPort = ports.size() > 1 ? ports.get(1) : ports.getFirst();
                HealthCheck readiness = HealthCheck.http(healthPort, "/actuator/health/readiness");
                List<HealthCheck> probes = routeProbes.stream()
                        .map(path -> HealthCheck.http(mainHost, ports.getFirst(), path))
                        .toList();
                yield probes.isEmpty() ? readiness : HealthCheck.allOf(readiness, probes);
            }
        };
    }
}
