package io.shopscale.orders.inventory;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.shopscale.contracts.inventory.v1.InventoryGrpc;
import io.shopscale.contracts.inventory.v1.Line;
import io.shopscale.contracts.inventory.v1.ReleaseRequest;
import io.shopscale.contracts.inventory.v1.ReserveRequest;
import io.shopscale.contracts.inventory.v1.ReserveResponse;
import io.shopscale.orders.checkout.CollaboratorUnavailableException;
import io.shopscale.orders.checkout.RequestedLine;
import io.shopscale.orders.checkout.StockReservations;
import io.shopscale.orders.order.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reservations through inventory's gRPC API, each call under a deadline and behind a circuit breaker: a slow or
 * failing inventory costs checkout at most the deadline, and nothing while the circuit is open.
 */
@Component
class GrpcStockReservations implements StockReservations {

    private static final Logger log = LoggerFactory.getLogger(GrpcStockReservations.class);

    // Failures of the connection or the server, worth a retry; anything else is a definitive answer.
    private static final Set<Status.Code> TRANSIENT = EnumSet.of(Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED,
            Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.CANCELLED);

    private final InventoryChannels channels;
    private final Duration deadline;
    private final CircuitBreaker breaker;

    GrpcStockReservations(InventoryChannels channels, InventoryClientProperties properties,
                          CircuitBreakerRegistry breakers) {
        this.channels = channels;
        this.deadline = properties.deadline();
        this.breaker = breakers.circuitBreaker("inventory", CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5))
                .permittedNumberOfCallsInHalfOpenState(3)
                .recordException(GrpcStockReservations::isTransient)
                .build());
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("inventory circuit {}", event.getStateTransition()));
    }

    @Override
    public Reservation reserve(OrderId orderId, List<RequestedLine> lines) {
        ReserveRequest request = ReserveRequest.newBuilder()
                .setOrderId(orderId.toString())
                .addAllLines(lines.stream()
                        .map(line -> Line.newBuilder().setSku(line.sku()).setQuantity(line.quantity()).build())
                        .toList())
                .build();
        ReserveResponse response;
        try {
            response = breaker.executeSupplier(() -> stub().reserve(request));
        } catch (CallNotPermittedException e) {
            throw new CollaboratorUnavailableException("inventory", "inventory circuit open", e);
        } catch (InventoryChannels.NoInstanceException e) {
            throw new CollaboratorUnavailableException("inventory", e.getMessage(), e);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return new Insufficient(List.of());
            }
            if (e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION) {
                return new Ended();
            }
            log.warn("reserving stock for order {} failed: {}", orderId, e.getStatus());
            throw new CollaboratorUnavailableException("inventory", "reservation failed: " + e.getStatus(), e);
        }
        return switch (response.getOutcome()) {
            case RESERVED -> new Reserved(Instant.ofEpochMilli(response.getExpiresAtEpochMillis()));
            case INSUFFICIENT_STOCK -> new Insufficient(response.getShortagesList().stream()
                    .map(s -> new Shortage(s.getSku(), s.getRequested(), s.getAvailable()))
                    .toList());
            default -> throw new CollaboratorUnavailableException("inventory",
                    "unexpected reservation outcome " + response.getOutcome(), null);
        };
    }

    @Override
    public void releaseQuietly(OrderId orderId) {
        try {
            stub().release(ReleaseRequest.newBuilder().setOrderId(orderId.toString()).build());
        } catch (RuntimeException e) {
            log.warn("could not release the reservation of order {} (it expires by itself): {}", orderId,
                    e.getMessage());
        }
    }

    @Override
    public boolean release(OrderId orderId) {
        try {
            stub().release(ReleaseRequest.newBuilder().setOrderId(orderId.toString()).build());
            return true;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION) {
                return false;
            }
            throw new CollaboratorUnavailableException("inventory", "release failed: " + e.getStatus(), e);
        } catch (InventoryChannels.NoInstanceException e) {
            throw new CollaboratorUnavailableException("inventory", e.getMessage(), e);
        }
    }

    private InventoryGrpc.InventoryBlockingStub stub() {
        return InventoryGrpc.newBlockingStub(channels.next())
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean isTransient(Throwable e) {
        return e instanceof StatusRuntimeException s && TRANSIENT.contains(s.getStatus().getCode());
    }
}
