package io.shopscale.loadtest.reserve;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.grpc.StatusRuntimeException;
import io.shopscale.contracts.inventory.v1.InventoryGrpc;
import io.shopscale.contracts.inventory.v1.Line;
import io.shopscale.contracts.inventory.v1.ReserveRequest;

/** One {@code Reserve} of one unit of one SKU under a fresh order id; answers the outcome's name. */
final class ReserveCall {

    private final InventoryGrpc.InventoryBlockingStub stub;
    private final String sku;
    private final Duration deadline;

    ReserveCall(InventoryGrpc.InventoryBlockingStub stub, String sku, Duration deadline) {
        this.stub = stub;
        this.sku = sku;
        this.deadline = deadline;
    }

    /** RESERVED, INSUFFICIENT_STOCK, or the gRPC status code of a failed call. */
    String call() {
        ReserveRequest request = ReserveRequest.newBuilder()
                .setOrderId(UUID.randomUUID().toString())
                .addLines(Line.newBuilder().setSku(sku).setQuantity(1))
                .build();
        try {
            return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).reserve(request)
                    .getOutcome().name();
        }
        catch (StatusRuntimeException ex) {
            return ex.getStatus().getCode().name();
        }
    }
}
