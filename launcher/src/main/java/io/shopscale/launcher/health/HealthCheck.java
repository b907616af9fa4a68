package io.shopscale.launcher.health;

import java.util.List;

/** A probe of one instance: an L4 check that its ports accept connections or an L7 check of a readiness URL. */
public sealed interface HealthCheck permits HttpCheck, TcpCheck {

    Health probe();

    /** What the check waits for, in words. */
    String description();

    static HealthCheck http(int port, String path) {
        return new HttpCheck(port, path);
    }

    static HealthCheck tcp(List<Integer> ports) {
        return new TcpCheck(ports);
    }
}
