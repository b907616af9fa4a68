package io.shopscale.inventory.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.shopscale.contracts.inventory.v1.ConfirmRequest;
import io.shopscale.contracts.inventory.v1.InventoryGrpc;
import io.shopscale.contracts.inventory.v1.Line;
import io.shopscale.contracts.inventory.v1.ReleaseRequest;
import io.shopscale.contracts.inventory.v1.ReservationStatus;
import io.shopscale.contracts.inventory.v1.ReserveRequest;
import io.shopscale.contracts.inventory.v1.ReserveResponse;
import io.shopscale.contracts.inventory.v1.Shortage;
import io.shopscale.inventory.reservation.ReservationState;
import io.shopscale.inventory.reservation.ReserveCommand;
import io.shopscale.inventory.reservation.ReserveOutcome;
import io.shopscale.inventory.reservation.Reservations;
import io.shopscale.inventory.reservation.Transition;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.grpc.server.service.GrpcService;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The {@code shopscale.inventory.v1.Inventory} service: translates between the contract's messages and
 * {@link Reservations}, and maps outcomes to the status codes the proto promises. Failures of the database are
 * UNAVAILABLE, which callers may retry: every call is idempotent by order id.
 */
@GrpcService
class InventoryGrpcService extends InventoryGrpc.InventoryImplBase {

    private static final Logger log = LoggerFactory.getLogger(InventoryGrpcService.class);

    private final Reservations reservations;

    InventoryGrpcService(Reservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public void reserve(ReserveRequest request, StreamObserver<ReserveResponse> responses) {
        answer(responses, () -> {
            ReserveCommand command = command(request);
            return switch (reservations.reserve(command)) {
                case ReserveOutcome.Reserved reserved -> ReserveResponse.newBuilder()
                        .setOutcome(ReserveResponse.Outcome.RESERVED)
                        .setExpiresAtEpochMillis(reserved.expiresAt().toEpochMilli())
                        .build();
                case ReserveOutcome.Short shortfall -> ReserveResponse.newBuilder()
                        .setOutcome(ReserveResponse.Outcome.INSUFFICIENT_STOCK)
                        .addAllShortages(shortfall.shortages().stream().map(InventoryGrpcService::shortage).toList())
                        .build();
                case ReserveOutcome.UnknownSkus unknown -> throw Status.NOT_FOUND
                        .withDescription("Unknown SKU: " + String.join(", ", unknown.skus()))
                        .asRuntimeException();
                case ReserveOutcome.LinesDiffer ignored -> throw Status.ALREADY_EXISTS
                        .withDescription("Order " + command.orderId() + " already holds a reservation with other lines.")
                        .asRuntimeException();
                case ReserveOutcome.Ended ended -> throw Status.FAILED_PRECONDITION
                        .withDescription("The reservation of order " + command.orderId() + " is "
                                + ended.state().name().toLowerCase() + "; reserve under a new order id.")
                        .asRuntimeException();
            };
        });
    }

    @Override
    public void release(ReleaseRequest request, StreamObserver<ReservationStatus> responses) {
        answer(responses, () -> {
            UUID orderId = orderId(request.getOrderId());
            return switch (reservations.release(orderId)) {
                case Transition.Done done -> status(orderId, state(done.state()));
                case Transition.Missing ignored -> status(orderId, ReservationStatus.State.NONE);
                case Transition.Refused ignored -> throw Status.FAILED_PRECONDITION
                        .withDescription("The reservation of order " + orderId + " is confirmed; its stock is sold.")
                        .asRuntimeException();
            };
        });
    }

    @Override
    public void confirm(ConfirmRequest request, StreamObserver<ReservationStatus> responses) {
        answer(responses, () -> {
            UUID orderId = orderId(request.getOrderId());
            return switch (reservations.confirm(orderId)) {
                case Transition.Done done -> status(orderId, state(done.state()));
                case Transition.Missing ignored -> throw Status.NOT_FOUND
                        .withDescription("No reservation was made for order " + orderId + ".")
                        .asRuntimeException();
                case Transition.Refused refused -> throw Status.FAILED_PRECONDITION
                        .withDescription("The reservation of order " + orderId + " is "
                                + refused.state().name().toLowerCase() + "; it cannot be confirmed.")
                        .asRuntimeException();
            };
        });
    }

    private static ReserveCommand command(ReserveRequest request) {
        List<Map.Entry<String, Integer>> lines = request.getLinesList().stream()
                .map(line -> Map.entry(line.getSku(), line.getQuantity()))
                .toList();
        try {
            return ReserveCommand.of(request.getOrderId(), lines);
        } catch (IllegalArgumentException e) {
            throw Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
        }
    }

    private static UUID orderId(String value) {
        try {
            return ReserveCommand.orderId(value);
        } catch (IllegalArgumentException e) {
            throw Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
        }
    }

    private static <T> void answer(StreamObserver<T> responses, Supplier<T> call) {
        T response;
        try {
            response = call.get();
        } catch (StatusRuntimeException e) {
            responses.onError(e);
            return;
        } catch (TransientDataAccessException | DataAccessResourceFailureException
                 | CannotCreateTransactionException e) {
            log.warn("inventory store unavailable: {}", e.getMessage());
            responses.onError(Status.UNAVAILABLE.withDescription("Inventory is unavailable; try again.")
                    .asRuntimeException());
            return;
        } catch (RuntimeException e) {
            log.error("inventory call failed", e);
            responses.onError(Status.INTERNAL.withDescription("Inventory failed to answer.").asRuntimeException());
            return;
        }
        responses.onNext(response);
        responses.onCompleted();
    }

    private static Shortage shortage(ReserveOutcome.Shortage shortage) {
        return Shortage.newBuilder()
                .setSku(shortage.sku())
                .setRequested(shortage.requested())
                .setAvailable(shortage.available())
                .build();
    }

    private static ReservationStatus status(UUID orderId, ReservationStatus.State state) {
        return ReservationStatus.newBuilder().setOrderId(orderId.toString()).setState(state).build();
    }

    private static ReservationStatus.State state(ReservationState state) {
        return switch (state) {
            case RESERVED -> ReservationStatus.State.RESERVED;
            case CONFIRMED -> ReservationStatus.State.CONFIRMED;
            case RELEASED -> ReservationStatus.State.RELEASED;
            case EXPIRED -> ReservationStatus.State.EXPIRED;
        };
    }
}
