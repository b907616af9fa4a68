package io.shopscale.orders;

import io.shopscale.testsupport.TestIdentity;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The services orders talks to, started once per test JVM: identity (JWKS), catalog (prices) and inventory
 * (reservations), each a real server on a random port registered as a static discovery instance.
 */
final class Collaborators {

    /** Products every test may use: plenty of stock, fixed prices. */
    static final Map<String, Long> PRICES = Map.of(
            "HKT-00001", 1_299L,
            "LGT-00002", 2_599L,
            "FRN-00003", 4_999L,
            "ELC-00004", 100L);

    static final int PLENTY = 1_000_000;

    private static Collaborators started;

    final TestIdentity identity = TestIdentity.start();
    final FakeCatalog catalog = new FakeCatalog();
    final FakeInventory inventory = new FakeInventory();

    private Collaborators() {
        PRICES.forEach((sku, price) -> {
            catalog.price(sku, price);
            inventory.stock(sku, PLENTY);
        });
    }

    static synchronized Collaborators get() {
        if (started == null) {
            started = new Collaborators();
            Collaborators running = started;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                running.identity.close();
                running.catalog.close();
                running.inventory.close();
            }));
        }
        return started;
    }

    /** Registers the collaborators as discovery would report them. */
    void register(DynamicPropertyRegistry registry) {
        String simple = "spring.cloud.discovery.client.simple.instances.";
        registry.add(simple + "identity[0].uri", () -> identity.uri().toString());
        registry.add(simple + "catalog[0].uri", () -> catalog.uri().toString());
        // The registered (HTTP) port is not where gRPC answers; the metadata says where.
        registry.add(simple + "inventory[0].uri", () -> "http://127.0.0.1:9");
        registry.add(simple + "inventory[0].metadata.grpc-port", () -> String.valueOf(inventory.port()));
    }
}
