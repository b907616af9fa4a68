package io.shopscale.loadtest.run;

import java.lang.management.ManagementFactory;

/** CPU time used by this process, to show how much of the machine the load generator took. */
final class CpuClock {

    private CpuClock() {
    }

    /** Nanoseconds of CPU across all threads, or -1 if the JVM does not expose it. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
