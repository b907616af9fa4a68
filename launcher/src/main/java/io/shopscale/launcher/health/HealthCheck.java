package io.shopscale.launcher.health;

import java.util.List;

/** A probe of one instance: an L4 check that its ports accept connections or an L7 check of a readiness URL. */
public sealed interface HealthCheck permits AllOfCheck, HttpCheck, TcpCheck {

    Health probe();

    /** What the check waits for, in words. */
    String description();

    String LOOPBACK = "127.0.0.1";

    static HealthCheck http(int port, String path) {
        return new HttpCheck(LOOPBACK, port, path);
    }

    static HealthCheck http(String host, int port, String path) {
        return new HttpCheck(host, port, path);
    }

    /** UP when {@code first} and every one of {@code rest} are; otherwise the first answer that is not UP. */
    static HealthCheck allOf(HealthCheck first, List<HealthCheck> rest) {
        return new AllOfCheck(first, rest);
    }

    static HealthCheck tcp(List<Integer> ports) {
        return new TcpCheck(ports);
    }
}
