package io.shopscale.loadtest.report;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The machine and JVM the numbers came from. {@code loadAverage} is the one-minute system load just before
 * the run (null where the OS does not report it): a busy machine explains noisy numbers.
 */
public record Environment(String jdk, String vendor, String vm, String os, int cores, long maxHeapMb,
        BigDecimal loadAverage) {

    public static Environment current() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Environment(Runtime.version().toString(), System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                load < 0 ? null : BigDecimal.valueOf(load).setScale(2, RoundingMode.HALF_UP));
    }

    /** True when other work already kept every core busy before the run began. */
    public boolean wasBusy() {
        return loadAverage != null && loadAverage.doubleValue() >= cores;
    }
}
