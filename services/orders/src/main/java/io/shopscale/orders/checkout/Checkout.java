package io.shopscale.orders.checkout;

import io.shopscale.orders.checkout.StockReservations.Ended;
import io.shopscale.orders.checkout.StockReservations.Insufficient;
import io.shopscale.orders.checkout.StockReservations.Reservation;
import io.shopscale.orders.checkout.StockReservations.Reserved;
import io.shopscale.orders.idempotency.Claim;
import io.shopscale.orders.idempotency.ClaimLostException;
import io.shopscale.orders.idempotency.IdempotencyKey;
import io.shopscale.orders.idempotency.IdempotencyKeys;
import io.shopscale.orders.order.Order;
import io.shopscale.orders.order.OrderLine;
import io.shopscale.orders.order.OrderStatus;
import io.shopscale.platform.checkout.CheckoutTimings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places an order: claim the idempotency key, price the lines from the catalog, reserve the stock, then store the
 * order and its event in one transaction. Definitive answers are stored with the key and replayed; transient
 * failures release the key so that the client's retry runs again, under the same order id.
 */
@Service
class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);

    private final CheckoutAdmission admission;
    private final IdempotencyKeys keys;
    private final PriceList prices;
    private final StockReservations reservations;
    private final OrderPlacement placement;
    private final CheckoutMetrics metrics;
    private final PaymentWindow window;
    private final JsonMapper json;
    private final Clock clock;

    Checkout(CheckoutAdmission admission, IdempotencyKeys keys, PriceList prices, StockReservations reservations, OrderPlacement placement,
             CheckoutMetrics metrics, CheckoutTimings timings, JsonMapper json, Clock clock) {
        this.admission = admission;
        this.keys = keys;
        this.prices = prices;
        this.reservations = reservations;
        this.placement = placement;
        this.metrics = metrics;
        this.window = new PaymentWindow(timings);
        this.json = json;
        this.clock = clock;
    }

    CheckoutResult place(String userId, IdempotencyKey key, PlaceOrder command) {
        return admission.admit(() -> placeAdmitted(userId, key, command));
    }

    private CheckoutResult placeAdmitted(String userId, IdempotencyKey key, PlaceOrder command) {
        Claim claim = keys.claim(userId, key, command.fingerprint());
        return switch (claim) {
            case Claim.Acquired acquired -> placeClaimed(acquired, command);
            case Claim.Replay replay -> {
                metrics.replayed();
                yield new CheckoutResult(replay.status(), replay.body(), replay.orderId(), true);
            }
            case Claim.InFlight inFlight -> {
                metrics.conflict();
                throw new KeyInFlightException();
            }
            case Claim.Mismatch mismatch -> {
                metrics.keyReused();
                throw new KeyReusedException();
            }
        };
    }

    private CheckoutResult placeClaimed(Claim.Acquired claimed, PlaceOrder command) {
        Claim.Acquired claim = claimed;
        Map<String, Price> priced;
        Reservation reservation;
        try {
            priced = prices.prices(command.skus());
            List<String> unknown = command.skus().stream().filter(sku -> !priced.containsKey(sku)).toList();
            if (!unknown.isEmpty()) {
                metrics.unknownSku();
                return finish(claim, CheckoutProblems.unknownSkus(unknown));
            }
            if (priced.values().stream().map(Price::currency).distinct().count() > 1) {
                return finish(claim, CheckoutProblems.mixedCurrencies());
            }
            reservation = reservations.reserve(claim.orderId(), command.lines());
            if (needsFreshReservation(reservation)) {
                // An earlier attempt's reservation was given back, ran out, or is too old to carry an order: start
                // over under a new order id, so the new reservation's clock starts now.
                if (reservation instanceof Reserved) {
                    reservations.releaseQuietly(claim.orderId());
                }
                claim = renew(claim);
                reservation = reservations.reserve(claim.orderId(), command.lines());
            }
            if (needsFreshReservation(reservation)) {
                throw new CollaboratorUnavailableException("inventory",
                        "the reservation under a new order id ended or expires too soon", null);
            }
        } catch (CollaboratorUnavailableException e) {
            // The reservation may have happened without its answer reaching us; the retry reserves under the
            // same order id, which inventory treats as the same reservation.
            keys.release(claim, false);
            metrics.unavailable();
            throw e;
        }
        if (reservation instanceof Insufficient insufficient) {
            metrics.outOfStock();
            return finish(claim, CheckoutProblems.outOfStock(insufficient.shortages()));
        }
        Instant now = clock.instant();
        Instant deadline = window.deadline(now, ((Reserved) reservation).expiresAt());
        Order order = Order.place(claim.orderId(), claim.userId(), lines(command, priced),
                priced.values().iterator().next().currency(), now, deadline);
        String body = accepted(order);
        try {
            placement.save(order, claim, body);
        } catch (ClaimLostException e) {
            metrics.conflict();
            throw new KeyInFlightException();
        } catch (DataAccessException | TransactionException e) {
            return afterFailedSave(order, claim, body, e);
        }
        metrics.accepted();
        return new CheckoutResult(CheckoutResult.ACCEPTED, body, order.id(), false);
    }

    private boolean needsFreshReservation(Reservation reservation) {
        return reservation instanceof Ended
                || reservation instanceof Reserved reserved
                && !window.leavesTimeToPay(clock.instant(), reserved.expiresAt());
    }

    /**
     * The transaction that stores the order failed, or only its acknowledgement was lost: the commit may have gone
     * through. Ask before giving anything back, so the stock of an order that exists is never released.
     */
    private CheckoutResult afterFailedSave(Order order, Claim.Acquired claim, String body, RuntimeException failure) {
        switch (placement.storedOrNot(order.id())) {
            case STORED -> {
                log.warn("storing order {} reported {}, yet the order is stored: accepted",
                        order.id(), failure.getMessage());
                metrics.accepted();
                return new CheckoutResult(CheckoutResult.ACCEPTED, body, order.id(), false);
            }
            case ABSENT -> {
                // Stock is held for an order that does not exist: give it back and have a retry start afresh under
                // a new order id.
                reservations.releaseQuietly(order.id());
                releaseQuietly(claim);
            }
            case UNKNOWN -> log.warn("could not tell whether order {} was stored; its reservation is kept and expires"
                    + " unless a retry of the checkout finds it", order.id());
        }
        throw failure;
    }

    private Claim.Acquired renew(Claim.Acquired claim) {
        try {
            return keys.renew(claim);
        } catch (ClaimLostException e) {
            metrics.conflict();
            throw new KeyInFlightException();
        }
    }

    private CheckoutResult finish(Claim.Acquired claim, ProblemDetail problem) {
        String body = json.writeValueAsString(problem);
        try {
            keys.complete(claim, problem.getStatus(), body);
        } catch (ClaimLostException e) {
            metrics.conflict();
            throw new KeyInFlightException();
        }
        return new CheckoutResult(problem.getStatus(), body, claim.orderId(), false);
    }

    private void releaseQuietly(Claim.Acquired claim) {
        try {
            keys.release(claim, true);
        } catch (RuntimeException e) {
            log.warn("could not release idempotency key for order {}: {}", claim.orderId(), e.getMessage());
        }
    }

    private String accepted(Order order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", order.id().toString());
        body.put("status", OrderStatus.PENDING_PAYMENT.name());
        return json.writeValueAsString(body);
    }

    private static List<OrderLine> lines(PlaceOrder command, Map<String, Price> priced) {
        List<OrderLine> lines = new ArrayList<>(command.lines().size());
        for (RequestedLine line : command.lines()) {
            lines.add(new OrderLine(line.sku(), line.quantity(), priced.get(line.sku()).amount()));
        }
        return lines;
    }
}
