package io.shopscale.orders;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.shopscale.contracts.inventory.v1.ConfirmRequest;
import io.shopscale.contracts.inventory.v1.InventoryGrpc;
import io.shopscale.contracts.inventory.v1.Line;
import io.shopscale.contracts.inventory.v1.ReleaseRequest;
import io.shopscale.contracts.inventory.v1.ReservationStatus;
import io.shopscale.contracts.inventory.v1.ReserveRequest;
import io.shopscale.contracts.inventory.v1.ReserveResponse;
import io.shopscale.contracts.inventory.v1.Shortage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A remote inventory for the tests: a real gRPC server on a random port speaking the inventory contract, with
 * in-memory stock and reservations keyed by order id (idempotent, like the real one). It can be switched to fail
 * or to answer too slowly.
 */
final class FakeInventory extends InventoryGrpc.InventoryImplBase implements AutoCloseable {

    enum Mode {
        NORMAL, UNAVAILABLE, SLOW,
        /** Reserves, then answers UNAVAILABLE, as if the answer had been lost on the way back. */
        ANSWER_LOST
    }

    /** As inventory's default reservation time to live. */
    static final Duration TTL = Duration.ofMinutes(15);

    private final Server server;
    private final Map<String, Integer> stock = new ConcurrentHashMap<>();
    private final Map<String, List<Line>> reservations = new ConcurrentHashMap<>();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final List<String> reservedOrderIds = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> reserveCalls = new ConcurrentHashMap<>();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.NORMAL;
    private volatile Duration slowness = Duration.ofSeconds(4);

    FakeInventory() {
        try {
            this.server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                    .addService(this)
                    .build()
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    void stock(String sku, int quantity) {
        stock.put(sku, quantity);
    }

    int available(String sku) {
        return stock.getOrDefault(sku, 0);
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    boolean holdsReservation(String orderId) {
        return reservations.containsKey(orderId);
    }

    int reserveCalls(String orderId) {
        AtomicInteger calls = reserveCalls.get(orderId);
        return calls == null ? 0 : calls.get();
    }

    /** Every order id a reservation was made under, in order. */
    List<String> reservedOrderIds() {
        return List.copyOf(reservedOrderIds);
    }

    /** When the reservation under this order id runs out. */
    Instant expiresAt(String orderId) {
        return expiries.get(orderId);
    }

    /** Makes the reservation under this order id as old as if it had been made {@code age} ago. */
    void age(String orderId, Duration age) {
        expiries.computeIfPresent(orderId, (id, expiry) -> expiry.minus(age));
    }

    /** Lets the reservation under this order id run out, as inventory's expiry would. */
    synchronized void expire(String orderId) {
        List<Line> lines = reservations.remove(orderId);
        if (lines != null) {
            lines.forEach(line -> stock.merge(line.getSku(), line.getQuantity(), Integer::sum));
        }
        ended.add(orderId);
    }

    @Override
    public void reserve(ReserveRequest request, StreamObserver<ReserveResponse> response) {
        reserveCalls.computeIfAbsent(request.getOrderId(), id -> new AtomicInteger()).incrementAndGet();
        if (misbehaves(response)) {
            return;
        }
        if (ended.contains(request.getOrderId())) {
            response.onError(Status.FAILED_PRECONDITION.withDescription("reservation ended").asRuntimeException());
            return;
        }
        ReserveResponse answer = reserve(request);
        if (mode == Mode.ANSWER_LOST) {
            response.onError(Status.UNAVAILABLE.withDescription("connection reset").asRuntimeException());
            return;
        }
        response.onNext(answer);
        response.onCompleted();
    }

    private synchronized ReserveResponse reserve(ReserveRequest request) {
        if (reservations.containsKey(request.getOrderId())) {
            return reserved(expiries.get(request.getOrderId()));
        }
        List<Shortage> shortages = new ArrayList<>();
        for (Line line : request.getLinesList()) {
            int available = stock.getOrDefault(line.getSku(), 0);
            if (available < line.getQuantity()) {
                shortages.add(Shortage.newBuilder().setSku(line.getSku()).setRequested(line.getQuantity())
                        .setAvailable(available).build());
            }
        }
        if (!shortages.isEmpty()) {
            return ReserveResponse.newBuilder().setOutcome(ReserveResponse.Outcome.INSUFFICIENT_STOCK)
                    .addAllShortages(shortages).build();
        }
        request.getLinesList().forEach(line -> stock.merge(line.getSku(), -line.getQuantity(), Integer::sum));
        reservations.put(request.getOrderId(), request.getLinesList());
        reservedOrderIds.add(request.getOrderId());
        Instant expiry = Instant.now().plus(TTL);
        expiries.put(request.getOrderId(), expiry);
        return reserved(expiry);
    }

    @Override
    public synchronized void release(ReleaseRequest request, StreamObserver<ReservationStatus> response) {
        List<Line> lines = reservations.remove(request.getOrderId());
        if (lines != null) {
            lines.forEach(line -> stock.merge(line.getSku(), line.getQuantity(), Integer::sum));
            ended.add(request.getOrderId());
        }
        response.onNext(ReservationStatus.newBuilder().setOrderId(request.getOrderId())
                .setState(ReservationStatus.State.RELEASED).build());
        response.onCompleted();
    }

    @Override
    public void confirm(ConfirmRequest request, StreamObserver<ReservationStatus> response) {
        response.onNext(ReservationStatus.newBuilder().setOrderId(request.getOrderId())
                .setState(ReservationStatus.State.CONFIRMED).build());
        response.onCompleted();
    }

    private boolean misbehaves(StreamObserver<?> response) {
        switch (mode) {
            case UNAVAILABLE -> {
                response.onError(Status.UNAVAILABLE.withDescription("inventory is down").asRuntimeException());
                return true;
            }
            case SLOW -> {
                // Answers late without holding a server thread, as a slow remote would; by then the caller's
                // deadline has usually cancelled the call, and the late answer has nowhere to go.
                CompletableFuture.delayedExecutor(slowness.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                    try {
                        response.onError(Status.UNAVAILABLE.withDescription("too late").asRuntimeException());
                    } catch (RuntimeException callAlreadyClosed) {
                        // Cancelled by the caller's deadline.
                    }
                });
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static ReserveResponse reserved(Instant expiresAt) {
        return ReserveResponse.newBuilder().setOutcome(ReserveResponse.Outcome.RESERVED)
                .setExpiresAtEpochMillis(expiresAt.toEpochMilli()).build();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
