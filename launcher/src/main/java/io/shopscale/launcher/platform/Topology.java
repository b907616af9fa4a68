package io.shopscale.launcher.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the services are laid out in processes. Both run the same service jars with the same configuration, ports,
 * schemas and Kafka topics; only the number of JVMs differs.
 */
public enum Topology {

    /** Every service in one JVM: the least memory and the fastest start on one machine. The default. */
    COMPACT,

    /** A JVM per service instance, as Kubernetes runs them: failures and deployments stay apart. */
    SERVICES;

    public static final String VARIABLE = "SHOPSCALE_TOPOLOGY";

    /** The {@code --topology} option if given, else {@value #VARIABLE}, else compact. */
    public static Topology choose(String option, Settings settings) {
        String chosen = option != null ? option : settings.variable(VARIABLE).orElse("compact");
        return Arrays.stream(values())
                .filter(topology -> topology.label().equals(chosen.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidSettingException("unknown topology '" + chosen + "'; one of: "
                        + Arrays.stream(values()).map(Topology::label).collect(Collectors.joining(", "))));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
