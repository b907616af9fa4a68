package io.shopscale.orders.checkout;

import io.shopscale.orders.OrdersProperties;
import io.shopscale.orders.checkout.StockReservations.Ended;
import io.shopscale.orders.checkout.StockReservations.Insufficient;
import io.shopscale.orders.checkout.StockReservations.Reservation;
import io.shopscale.orders.idempotency.Claim;
import io.shopscale.orders.idempotency.ClaimLostException;
import io.shopscale.orders.idempotency.IdempotencyKey;
import io.shopscale.orders.idempotency.IdempotencyKeys;
import io.shopscale.orders.order.Order;
import io.shopscale.orders.order.OrderLine;
import io.shopscale.orders.order.OrderStatus;
import java.time.Clock;
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

    private final IdempotencyKeys keys;
    private final PriceList prices;
    private final StockReservations reservations;
    private final OrderPlacement placement;
    private final CheckoutMetrics metrics;
    private final OrdersProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    Checkout(IdempotencyKeys keys, PriceList prices, StockReservations reservations, OrderPlacement placement,
             CheckoutMetrics metrics, OrdersProperties properties, JsonMapper json, Clock clock) {
        this.keys = keys;
        this.prices = prices;
        this.reservations = reservations;
        this.placement = placement;
        this.metrics = metrics;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    CheckoutResult place(String userId, IdempotencyKey key, PlaceOrder command) {
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
            if (reservation instanceof Ended) {
                // An earlier attempt's reservation was given back or ran out: start over under a new order id.
                claim = renew(claim);
                reservation = reservations.reserve(claim.orderId(), command.lines());
            }
            if (reservation instanceof Ended) {
                throw new CollaboratorUnavailableException("inventory", "reservation under a new order id ended", null);
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
        Order order = Order.place(claim.orderId(), claim.userId(), lines(command, priced),
                priced.values().iterator().next().currency(), clock.instant(), properties.paymentTimeout());
        String body = accepted(order);
        try {
            placement.save(order, claim, body);
        } catch (ClaimLostException e) {
            metrics.conflict();
            throw new KeyInFlightException();
        } catch (DataAccessException | TransactionException e) {
            // Stock is held for an order that does not exist: give it back and have a retry start afresh under a
            // new order id. If PostgreSQL is down, the claim's lock runs out and the reservation expires.
            reservations.releaseQuietly(order.id());
            releaseQuietly(claim);
            throw e;
        }
        metrics.accepted();
        return new CheckoutResult(CheckoutResult.ACCEPTED, body, order.id(), false);
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
