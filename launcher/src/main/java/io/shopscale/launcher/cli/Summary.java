package io.shopscale.launcher.cli;

import io.shopscale.launcher.platform.Component;
import io.shopscale.launcher.platform.Components;
import io.shopscale.launcher.platform.Launches;
import io.shopscale.launcher.platform.ListenAddress;
import io.shopscale.launcher.platform.PlatformSecrets;
import io.shopscale.launcher.platform.Settings;
import io.shopscale.launcher.platform.Store;
import io.shopscale.launcher.platform.Topology;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** What {@code up} tells the user before and after starting. */
final class Summary {

    private Summary() {
    }

    static void starting(PrintWriter out, Settings settings, Launches launches, Topology topology) {
        out.printf("Starting ShopScale: %s (%s topology, java %d, state in %s)%n", launches.components().stream()
                .map(Component::name).collect(Collectors.joining(", ")), topology.label(), settings.javaFeatureVersion(),
                settings.stateDir());
        if (topology == Topology.COMPACT) {
            out.println("  every service in one JVM; ./shopscale up --topology services runs a JVM per service");
        }
        Arrays.stream(Store.values())
                .filter(store -> !launches.embeddedStores().contains(store))
                .forEach(store -> out.printf("  %-12s external (%s)%n", store.label(), store.externalVariable()));
        out.flush();
    }

    static void ready(PrintWriter out, Settings settings, Launches launches, AdminLogin admin, Duration took) {
        int gateway = settings.port(Components.get(Components.GATEWAY));
        String host = gatewayHost(settings);
        out.println();
        out.println("ShopScale is up in " + Format.seconds(took) + ".");
        out.printf("  Gateway     http://%s:%d%s%n", host, gateway, listening(settings));
        out.printf("  Try         http://%s:%d/api/products?q=lamp%n", host, gateway);
        admin.print(out, "  Admin       ");
        var secrets = new PlatformSecrets(settings);
        out.printf("  Registry    http://localhost:%d (user %s, password %s)%n",
                settings.port(Components.get(Components.REGISTRY)), secrets.registryUsername(),
                secrets.registryPasswordChosen() ? "from " + PlatformSecrets.REGISTRY_PASSWORD_VARIABLE
                        : "in " + secrets.registryPassword().path());
        String label = "  Metrics     ";
        for (Component component : launches.components()) {
            if (component.kind() == Component.Kind.SERVICE) {
                out.printf("%shttp://localhost:%d/actuator/prometheus (%s)%n", label, settings.adminPort(component),
                        component.name());
                label = " ".repeat(label.length());
            }
        }
        out.printf("  Logs        %s (./shopscale logs <component> [-f])%n", settings.logsDir());
        out.println("  Manage      ./shopscale status | ./shopscale scale catalog=2 | ./shopscale down");
        out.flush();
    }

    private static String gatewayHost(Settings settings) {
        String host = ListenAddress.probeHost(Map.of(Settings.GATEWAY_ADDRESS_VARIABLE, settings.gatewayAddress()));
        return host.equals(ListenAddress.LOOPBACK) ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
    }

    /** Says when the gateway is reachable from other machines; by default it is not. */
    private static String listening(Settings settings) {
        String address = settings.gatewayAddress();
        return address.equals(ListenAddress.LOOPBACK) ? " (this machine only; up --listen 0.0.0.0 to open it)"
                : " (listening on " + address + ")";
    }
}
