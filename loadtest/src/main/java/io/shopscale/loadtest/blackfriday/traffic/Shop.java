package io.shopscale.loadtest.blackfriday.traffic;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.shopscale.loadtest.account.AccessToken;
import io.shopscale.loadtest.account.RetryAfter;
import io.shopscale.loadtest.blackfriday.workload.Visit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Performs one drawn visit as its shopper, and records the outcome against its endpoint with the latency counted
 * from the visit's due time. A checkout the shop accepts is handed to the {@link OrderTracker}. A checkout is sent
 * again with the same Idempotency-Key when it failed (no answer, 5xx, 429), after the wait the answer asked for,
 * and, for the share of impatient shoppers, half a second after it was due whether or not it has answered: the
 * resend must get the same order (or a 409 while the first is still in progress), never a second one.
 */
final class Shop {

    static final long IMPATIENT_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    static final Duration RESEND_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_RESEND_DELAY = Duration.ofSeconds(5);
    static final int MAX_SENDS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ShopClient client;
    private final Sessions sessions;
    private final Measurements measurements;
    private final OrderTracker orders;
    private final FollowUps followUps;

    Shop(ShopClient client, Sessions sessions, Measurements measurements, OrderTracker orders, FollowUps followUps) {
        this.client = client;
        this.sessions = sessions;
        this.measurements = measurements;
        this.orders = orders;
        this.followUps = followUps;
    }

    void perform(Visit visit, long due) {
        if (visit instanceof Visit.Checkout checkout) {
            // Shared by every send of this checkout: all of them must name the same order.
            AtomicReference<String> orderId = new AtomicReference<>();
            if (checkout.resend()) {
                resend(checkout, due + IMPATIENT_AFTER_NANOS, 1, orderId);
            }
            checkout(checkout, due, 0, orderId);
            return;
        }
        AccessToken token = sessions.token(visit.shopper());
        Reply reply = switch (visit) {
            case Visit.Search search -> client.get("/api/products?size=20&q="
                    + URLEncoder.encode(search.query(), StandardCharsets.UTF_8), token, false);
            case Visit.ProductPage page -> client.get("/api/products/" + page.productId(), token, false);
            case Visit.StockCheck stock -> client.get("/api/inventory/" + stock.sku(), token, false);
            case Visit.CartPut put -> client.put("/api/cart/items/" + put.sku(), token,
                    "{\"quantity\":" + put.quantity() + "}");
            case Visit.CartView view -> client.get("/api/cart", token, false);
            case Visit.Checkout checkout -> throw new AssertionError("handled above");
        };
        finish(Endpoint.of(visit.action()), visit.shopper(), token, reply, due);
    }

    private void checkout(Visit.Checkout visit, long due, int send, AtomicReference<String> orderId) {
        AccessToken token = sessions.token(visit.shopper());
        Reply reply = client.checkout(token, visit.idempotencyKey(), visit.body());
        Endpoint endpoint = send == 0 ? Endpoint.of(visit.action()) : Endpoint.CHECKOUT_RESEND;
        long now = finish(endpoint, visit.shopper(), token, reply, due);
        if (reply.status() == 202) {
            String id = orderIdOf(reply.body());
            String earlier = orderId.compareAndExchange(null, id);
            if (earlier != null && !earlier.equals(id)) {
                orders.replayMismatch(visit.idempotencyKey(), earlier, id);
            }
            if (!id.isEmpty()) {
                orders.accepted(id, visit.shopper(), now);
            }
        }
        else if (reply.worthResending() && send + 1 < MAX_SENDS) {
            Duration wait = reply.retryAfter() != null ? RetryAfter.parse(reply.retryAfter(), Instant.now())
                    : RESEND_DELAY;
            resend(visit, now + (wait.compareTo(MAX_RESEND_DELAY) > 0 ? MAX_RESEND_DELAY : wait).toNanos(), send + 1,
                    orderId);
        }
    }

    private void resend(Visit.Checkout visit, long due, int send, AtomicReference<String> orderId) {
        followUps.at(due, d -> checkout(visit, d, send, orderId),
                () -> measurements.dropped(Endpoint.CHECKOUT_RESEND));
    }

    /** Records the reply and returns when it arrived. */
    private long finish(Endpoint endpoint, int shopper, AccessToken token, Reply reply, long due) {
        long now = System.nanoTime();
        measurements.record(endpoint, reply, now - due);
        if (reply.status() == 401) {
            sessions.refused(shopper, token);
        }
        return now;
    }

    private static String orderIdOf(String body) {
        try {
            return JSON.readTree(body).path("orderId").asString("");
        }
        catch (RuntimeException ex) {
            return "";
        }
    }
}
