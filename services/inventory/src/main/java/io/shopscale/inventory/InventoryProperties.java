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
 * @param reservations how concurrent reservations of one SKU share a transaction
 */
@ConfigurationProperties("shopscale.inventory")
public record InventoryProperties(
        @DefaultValue("5s") Duration expiryInterval,
        @DefaultValue("200") int expiryBatchSize,
        @DefaultValue("0") int grpcPort,
        @DefaultValue("16") int grpcThreads,
        @DefaultValue ReservationBatching reservations) {

    /**
     * @param coalesce whether single-line reservations of the same SKU that arrive while one is in flight are
     * reserved together, in one transaction with one stock update; off, every reservation has a transaction of its
     * own
     * @param maxBatch the most reservations one such transaction takes
     * @param maxWait how long a coalesced reservation waits for its answer before it gives up (the caller sees the
     * store as unavailable and may retry under the same order id)
     */
    public record ReservationBatching(
            @DefaultValue("true") boolean coalesce,
            @DefaultValue("64") int maxBatch,
            @DefaultValue("30s") Duration maxWait) {

        public ReservationBatching {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("shopscale.inventory.reservations.max-batch must be at least 1.");
            }
            if (maxWait == null || !maxWait.isPositive()) {
                throw new IllegalArgumentException("shopscale.inventory.reservations.max-wait must be positive.");
            }
        }
    }
}
