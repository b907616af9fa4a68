package io.shopscale.loadtest.blackfriday.traffic;

import java.time.Duration;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.shopscale.loadtest.account.AccessToken;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every order the shop accepted (202), polled by its owner with {@code GET /api/orders/{id}} until it is
 * {@code CONFIRMED} or {@code CANCELLED}. Polls back off from a quarter second to five seconds and, after half a
 * minute, to fifteen, and stop after {@link #POLL_FOR}, as a storefront would: when payment stalls, thousands of
 * waiting shoppers must not turn into a flood of polls. The time from the 202 to the poll that saw the final status
 * is recorded, so its resolution is the poll interval (the auditor reads the exact one from the database). Which ids
 * were accepted is the generator's knowledge; whether they really ended well is the auditor's to find out.
 */
public final class OrderTracker {

    static final Duration POLL_FOR = Duration.ofMinutes(2);
    private static final long[] POLL_DELAYS_MILLIS = {250, 250, 500, 500, 1000, 1000, 2000, 2000, 5000, 5000, 5000,
        5000, 15000};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ShopClient client;
    private final Sessions sessions;
    private final Measurements measurements;
    private final FollowUps followUps;
    private final ConcurrentHashMap<String, Boolean> accepted = new ConcurrentHashMap<>();
    private final LongAdder confirmed = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final ConcurrentHistogram timeToFinalMicros =
            new ConcurrentHistogram(TimeUnit.HOURS.toMicros(1), 2);
    private final List<String> replayMismatches = new CopyOnWriteArrayList<>();

    OrderTracker(ShopClient client, Sessions sessions, Measurements measurements, FollowUps followUps) {
        this.client = client;
        this.sessions = sessions;
        this.measurements = measurements;
        this.followUps = followUps;
    }

    /** A 202 named {@code orderId}; a replayed 202 for an order already known changes nothing. */
    void accepted(String orderId, int shopper, long acceptedNanos) {
        if (accepted.putIfAbsent(orderId, Boolean.FALSE) == null) {
            schedule(orderId, shopper, acceptedNanos, 0, acceptedNanos);
        }
    }

    /** The same Idempotency-Key was answered with two different orders: a duplicate the shop must never make. */
    void replayMismatch(String key, String first, String other) {
        replayMismatches.add("key " + key + ": " + first + " then " + other);
    }

    public Set<String> acceptedIds() {
        return Set.copyOf(accepted.keySet());
    }

    /** The accepted ids that are order ids as the orders service hands them out (UUIDs); others are left out. */
    public Set<UUID> acceptedOrderIds() {
        Set<UUID> uuids = new HashSet<>();
        for (String id : accepted.keySet()) {
            try {
                uuids.add(UUID.fromString(id));
            }
            catch (IllegalArgumentException ex) {
                // Not an id the orders service hands out: nothing to look for.
            }
        }
        return uuids;
    }

    /** Accepted orders not yet seen in a final state. */
    public long pending() {
        return accepted.size() - confirmed.sum() - cancelled.sum();
    }

    public long seenConfirmed() {
        return confirmed.sum();
    }

    public long seenCancelled() {
        return cancelled.sum();
    }

    public Histogram timeToFinalMicros() {
        return timeToFinalMicros.copy();
    }

    public List<String> replayMismatches() {
        return List.copyOf(replayMismatches);
    }

    private void schedule(String orderId, int shopper, long acceptedNanos, int poll, long after) {
        long due = after + TimeUnit.MILLISECONDS.toNanos(
                POLL_DELAYS_MILLIS[Math.min(poll, POLL_DELAYS_MILLIS.length - 1)]);
        if (due - acceptedNanos > POLL_FOR.toNanos()) {
            return;
        }
        followUps.at(due, d -> poll(orderId, shopper, acceptedNanos, poll, d), () -> {
            measurements.dropped(Endpoint.ORDER);
            schedule(orderId, shopper, acceptedNanos, poll + 1, due);
        });
    }

    private void poll(String orderId, int shopper, long acceptedNanos, int poll, long due) {
        AccessToken token = sessions.token(shopper);
        Reply reply = client.get("/api/orders/" + orderId, token, true);
        long now = System.nanoTime();
        measurements.record(Endpoint.ORDER, reply, now - due);
        if (reply.status() == 401) {
            sessions.refused(shopper, token);
        }
        String status = reply.status() == 200 ? statusOf(reply.body()) : "";
        if (status.equals("CONFIRMED") || status.equals("CANCELLED")) {
            if (accepted.replace(orderId, Boolean.FALSE, Boolean.TRUE)) {
                (status.equals("CONFIRMED") ? confirmed : cancelled).increment();
                timeToFinalMicros.recordValue(Math.clamp((now - acceptedNanos) / 1000, 0,
                        timeToFinalMicros.getHighestTrackableValue()));
            }
        }
        else {
            schedule(orderId, shopper, acceptedNanos, poll + 1, due);
        }
    }

    private static String statusOf(String body) {
        try {
            return JSON.readTree(body).path("status").asString("");
        }
        catch (RuntimeException ex) {
            return "";
        }
    }
}
