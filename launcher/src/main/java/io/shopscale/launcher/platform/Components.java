package io.shopscale.launcher.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The platform, in start order. Adding a service is one more line in {@link #ALL}. */
public final class Components {

    public static final String REGISTRY = "registry";

    public static final String GATEWAY = "gateway";

    /** The payment provider simulator: an external system, which the payment service reaches by URL. */
    public static final String PAYMENT_PROVIDER = "psp";

    // Stage 0 before 1 before 2; components that share a stage start together.
    private static final List<Component> ALL = List.of(
            Component.stores("stores", "platform/stores", 0),
            Component.service(REGISTRY, "services/registry", 8761, 1),
            Component.scalableService("identity", "services/identity", 8082, 2),
            Component.scalableService("catalog", "services/catalog", 8081, 2),
            Component.scalableService("cart", "services/cart", 8083, 2),
            Component.scalableService("inventory", "services/inventory", 8084, 2),
            Component.scalableService("orders", "services/orders", 8085, 2),
            Component.scalableService("payment", "services/payment", 8086, 2),
            // A simulator whose ledger is a few MB even after a Black-Friday run.
            Component.service(PAYMENT_PROVIDER, "services/psp-simulator", 8090, 2).withAdminPort(8091).withMaxHeap("96m"),
            Component.service(GATEWAY, "services/gateway", 8080, 2).withRouteProbes("/api/products?size=1", "/.well-known/jwks.json",
                    "/api/inventory/HKT-00001"));

    private Components() {
    }

    /**
     * Whether the compact topology runs the component inside its one JVM: every service of the platform. The payment
     * provider simulator stands for an external system and keeps a process of its own, so that its ledger (what it
     * charged) outlives a crash of the platform, as a real provider's would.
     */
    public static boolean hostedInCompact(Component component) {
        return component.kind() == Component.Kind.SERVICE && !component.name().equals(PAYMENT_PROVIDER);
    }

    public static List<Component> all() {
        return ALL;
    }

    public static Optional<Component> find(String name) {
        return ALL.stream().filter(component -> component.name().equals(name)).findFirst();
    }

    public static Component get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no component named " + name));
    }

    public static List<String> names() {
        return ALL.stream().map(Component::name).toList();
    }

    public static List<String> scalableNames() {
        return ALL.stream().filter(Component::scalable).map(Component::name).toList();
    }

    /** Position in start order; unknown names sort last so they are stopped first. */
    public static int order(String name) {
        int index = names().indexOf(name);
        return index < 0 ? ALL.size() : index;
    }

    public static <T> List<List<T>> byStage(List<T> items, Function<T, Component> component) {
        var stages = new TreeMap<Integer, List<T>>();
        for (T item : items) {
            stages.computeIfAbsent(component.apply(item).stage(), stage -> new ArrayList<>()).add(item);
        }
        return List.copyOf(stages.values());
    }
}
