package io.shopscale.inventory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param expiryInterval the pause between two runs of the job that gives expired reservations' stock back
 * @param expiryBatchSize how many expired reservations one transaction of that job handles
 * @param grpcPort the gRPC server's port; 0 picks a free one, so several instances can share a machine (the bound
 * port is logged and published to discovery as the instance's {@code grpc-port} metadata)
 * @param grpcThreads how many gRPC calls run at once; more wait their turn. Matched to the connection pool, since
 * every call needs a connection
 */
@ConfigurationProperties("shopscale.inventory")
public record InventoryProperties(
        @DefaultValue("5s") Duration expiryInterval,
        @DefaultValue("200") int expiryBatchSize,
        @DefaultValue("0") int grpcPort,
        @DefaultValue("16") int grpcThreads) {
}
