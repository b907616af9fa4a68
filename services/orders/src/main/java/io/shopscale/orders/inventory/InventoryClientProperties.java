package io.shopscale.orders.inventory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param serviceId the name inventory registers under in discovery
 * @param grpcPortMetadata the instance metadata key holding the gRPC port (the registered port is HTTP)
 * @param deadline how long one reservation call may take, end to end
 */
@ConfigurationProperties("shopscale.orders.inventory")
record InventoryClientProperties(
        @DefaultValue("inventory") String serviceId,
        @DefaultValue("grpc-port") String grpcPortMetadata,
        @DefaultValue("2s") Duration deadline) {
}
