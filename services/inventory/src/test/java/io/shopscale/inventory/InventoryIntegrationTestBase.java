package io.shopscale.inventory;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.shopscale.contracts.inventory.v1.InventoryGrpc;
import io.shopscale.contracts.inventory.v1.Line;
import io.shopscale.contracts.inventory.v1.ReserveRequest;
import io.shopscale.testsupport.RealStoresTest;
import io.shopscale.testsupport.TestIdentity;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for every integration test class (same configuration, so Spring reuses it): a real
 * PostgreSQL database of its own, the shared Kafka broker, the gRPC server on a free port and a stand-in identity
 * service whose keys the service trusts. Tests make SKUs of their own, so classes never see each other's stock.
 */
@RealStoresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shopscale.inventory.expiry-interval=500ms")
public abstract class InventoryIntegrationTestBase {

    protected static final TestIdentity IDENTITY = TestIdentity.start();

    private static final AtomicInteger SKUS = new AtomicInteger();

    private static ManagedChannel channel;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected GrpcServerLifecycle grpcServer;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.identity[0].uri",
                () -> IDENTITY.uri().toString());
    }

    @BeforeEach
    void connect() {
        if (channel == null) {
            channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort()).usePlaintext().build();
        }
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            channel = null;
        }
    }

    protected static ManagedChannel channel() {
        return channel;
    }

    protected static InventoryGrpc.InventoryBlockingStub inventory() {
        return InventoryGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    /** A SKU of this test's own with the given available units. */
    protected String newSku(int available) {
        String sku = "TST-" + ProcessHandle.current().pid() + "-" + SKUS.incrementAndGet();
        jdbc.sql("INSERT INTO stock (sku, available, reserved, sold) VALUES (:sku, :available, 0, 0)")
                .param("sku", sku)
                .param("available", available)
                .update();
        return sku;
    }

    protected Stock stock(String sku) {
        return jdbc.sql("SELECT available, reserved, sold FROM stock WHERE sku = :sku")
                .param("sku", sku)
                .query(Stock.class)
                .single();
    }

    protected String state(String orderId) {
        return jdbc.sql("SELECT state FROM reservation WHERE order_id = :id")
                .param("id", UUID.fromString(orderId))
                .query(String.class)
                .optional()
                .orElse("NONE");
    }

    protected static ReserveRequest reserveRequest(String orderId, Map<String, Integer> lines) {
        ReserveRequest.Builder request = ReserveRequest.newBuilder().setOrderId(orderId);
        lines.forEach((sku, quantity) -> request.addLines(Line.newBuilder().setSku(sku).setQuantity(quantity)));
        return request.build();
    }

    protected static ReserveRequest reserveRequest(String orderId, String sku, int quantity) {
        return reserveRequest(orderId, Map.of(sku, quantity));
    }

    protected static String newOrderId() {
        return UUID.randomUUID().toString();
    }

    public record Stock(int available, int reserved, int sold) {

        public int total() {
            return available + reserved + sold;
        }
    }
}
