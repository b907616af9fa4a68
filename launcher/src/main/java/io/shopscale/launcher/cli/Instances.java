package io.shopscale.launcher.cli;

import io.shopscale.launcher.process.Liveness;
import io.shopscale.launcher.state.InstanceRecord;

/** Questions about recorded instances. */
final class Instances {

    private Instances() {
    }

    /** Alive and still the process that was recorded, not another one that got its pid. */
    static boolean alive(InstanceRecord instance) {
        return Liveness.isAlive(instance.pid(), instance.jar(), instance.startedAt());
    }
}
