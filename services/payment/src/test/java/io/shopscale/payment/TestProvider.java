package io.shopscale.payment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment provider for the tests: a real HTTP server with the charge and refund API's contract. Each
 * Idempotency-Key's answer is stored and replayed (a 500 too); the same key with other parameters is 400, and while
 * it is in flight 409. A charge is refunded at most once: refunding it again, under any key, answers with its refund;
 * an unknown charge is 404. Charges can be scripted per order (decline, 500, charge and never answer, hold until
 * released), and the whole provider can be slowed down or switched off (connections refused).
 */
public final class TestProvider implements AutoCloseable {

    /** What the provider does with the next new charge request of an order. */
    public enum Behaviour {
        SUCCEED, DECLINE, ERROR_500, CHARGE_THEN_HANG, CONFLICT, HOLD,
        /** Charges, sends the answer's headers, and never the body. */
        CHARGE_THEN_STALL_BODY
    }

    /** A charge the provider made; {@code refundId} is null until it is refunded. */
    public record Charge(String id, String idempotencyKey, String orderRef, long amount, String currency,
            String customer, String refundId) {

        /** "succeeded" while the charge stands, "refunded" once it was refunded. */
        public String status() {
            return refundId == null ? "succeeded" : "refunded";
        }

        Charge refunded(String refund) {
            return new Charge(id, idempotencyKey, orderRef, amount, currency, customer, refund);
        }
    }

    private record Params(long amount, String currency, String customer, String orderRef) {
    }

    private record RefundParams(String charge) {
    }

    private record Answer(int status, String body) {
    }

    /** A key's first answer, with the parameters it was given for ({@link Params} or {@link RefundParams}). */
    private record Stored(Object params, Answer answer) {
    }

    private record Held(HttpExchange exchange, String key, Params params) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor();
    private final int port;
    private final Map<String, Stored> answers = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Map<String, Deque<Behaviour>> scripts = new HashMap<>();
    private final Map<String, String> declineCodes = new HashMap<>();
    private final Map<String, Held> held = new HashMap<>();
    private final List<Charge> charges = new ArrayList<>();
    private final Map<String, Integer> requests = new HashMap<>();
    private final Map<String, Integer> refundRequests = new HashMap<>();
    private final List<HttpExchange> hanging = new ArrayList<>();
    private final AtomicInteger slowInProgress = new AtomicInteger();
    private final AtomicInteger maxSlowInProgress = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private HttpServer server;

    private TestProvider() {
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    public static TestProvider start() {
        return new TestProvider();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The next new charge requests of the order behave like this, in turn; after them, charges succeed. */
    public synchronized void script(String orderRef, Behaviour... behaviours) {
        scripts.computeIfAbsent(orderRef, ignored -> new ArrayDeque<>()).addAll(List.of(behaviours));
    }

    public synchronized void declineCode(String orderRef, String code) {
        declineCodes.put(orderRef, code);
    }

    /** Every answer comes this much later; calls waiting for it are counted. */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** Stops listening: connections are refused. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
            hanging.clear();
            held.clear();
        }
    }

    public synchronized void up() {
        if (server == null) {
            server = listen(port);
        }
    }

    /** Back to a healthy provider without scripts or latency; what it charged is kept. */
    public synchronized void reset() {
        up();
        scripts.clear();
        latency = Duration.ZERO;
        slowInProgress.set(0);
        maxSlowInProgress.set(0);
    }

    public synchronized boolean holding(String orderRef) {
        return held.containsKey(orderRef);
    }

    /** Answers the held request of the order as the behaviour says. */
    public void release(String orderRef, Behaviour behaviour) {
        Held request;
        synchronized (this) {
            request = held.remove(orderRef);
        }
        if (request == null) {
            throw new IllegalStateException("no request of " + orderRef + " is held");
        }
        complete(request.exchange(), request.key(), request.params(), behaviour);
    }

    public synchronized List<Charge> chargesFor(String orderRef) {
        return charges.stream().filter(charge -> charge.orderRef().equals(orderRef)).toList();
    }

    /** The order's charges that stand: made and not refunded. */
    public synchronized List<Charge> standingCharges(String orderRef) {
        return chargesFor(orderRef).stream().filter(charge -> charge.refundId() == null).toList();
    }

    /** How many refund requests arrived for charges of the order, replays included. */
    public synchronized int refundRequests(String orderRef) {
        return refundRequests.getOrDefault(orderRef, 0);
    }

    /**
     * Makes a charge as a request under the key would have, and stores its answer under the key, but answers nobody:
     * the caller that sent it is gone. Asking again under the key gets the charge; the order's list shows it.
     */
    public synchronized Charge chargeAnsweredToNobody(String key, String orderRef, long amount, String currency,
                                                      String customer) {
        Params params = new Params(amount, currency, customer, orderRef);
        requests.merge(orderRef, 1, Integer::sum);
        answers.put(key, new Stored(params, made(key, params)));
        return charges.getLast();
    }

    /** How many charge requests arrived for the order, replays included. */
    public synchronized int chargeRequests(String orderRef) {
        return requests.getOrDefault(orderRef, 0);
    }

    /** The most calls that were waiting for a slowed-down answer at once since the last reset. */
    public int maxSlowInProgress() {
        return maxSlowInProgress.get();
    }

    public int slowInProgress() {
        return slowInProgress.get();
    }

    @Override
    public void close() {
        down();
        workers.shutdownNow();
        delays.shutdownNow();
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            created.setExecutor(workers);
            created.createContext("/v1/charges", this::handle);
            created.createContext("/v1/refunds", this::refund);
            created.start();
            return created;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod())) {
            list(exchange);
        } else if ("POST".equals(exchange.getRequestMethod())) {
            charge(exchange);
        } else {
            send(exchange, new Answer(405, "{}"));
        }
    }

    private void charge(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        Params params = new Params(body.path("amount").asLong(), body.path("currency").asString(""),
                body.path("customer").asString(""), body.path("orderRef").asString(""));
        if (key == null || key.isBlank()) {
            send(exchange, error(400, "invalid_request", "Idempotency-Key is required"));
            return;
        }
        Behaviour behaviour;
        synchronized (this) {
            requests.merge(params.orderRef(), 1, Integer::sum);
            Stored stored = answers.get(key);
            if (stored != null) {
                Answer replay = stored.params().equals(params) ? stored.answer()
                        : error(400, "idempotency_key_reused", "the key was used with other parameters");
                respondLater(exchange, replay);
                return;
            }
            if (inFlight.contains(key)) {
                respondLater(exchange, error(409, "idempotency_key_in_use", "a request with this key is in flight"));
                return;
            }
            Deque<Behaviour> script = scripts.get(params.orderRef());
            behaviour = script == null || script.isEmpty() ? Behaviour.SUCCEED : script.poll();
            if (behaviour == Behaviour.CONFLICT) {
                respondLater(exchange, error(409, "idempotency_key_in_use", "a request with this key is in flight"));
                return;
            }
            inFlight.add(key);
            if (behaviour == Behaviour.HOLD) {
                held.put(params.orderRef(), new Held(exchange, key, params));
                return;
            }
        }
        complete(exchange, key, params, behaviour);
    }

    /** Decides the new request's answer: stored under its key when it is made, sent after the latency. */
    private void complete(HttpExchange exchange, String key, Params params, Behaviour behaviour) {
        Duration delay = latency;
        if (delay.isZero() || behaviour == Behaviour.CHARGE_THEN_HANG) {
            finish(exchange, key, params, behaviour);
            return;
        }
        int now = slowInProgress.incrementAndGet();
        maxSlowInProgress.accumulateAndGet(now, Math::max);
        delays.schedule(() -> {
            slowInProgress.decrementAndGet();
            workers.execute(() -> finish(exchange, key, params, behaviour));
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void finish(HttpExchange exchange, String key, Params params, Behaviour behaviour) {
        Answer answer;
        synchronized (this) {
            answer = switch (behaviour) {
                case SUCCEED, CHARGE_THEN_HANG, CHARGE_THEN_STALL_BODY, HOLD, CONFLICT -> made(key, params);
                case DECLINE -> error(402, declineCodes.getOrDefault(params.orderRef(), "card_declined"),
                        "the card was declined");
                case ERROR_500 -> error(500, "internal_error", "something went wrong");
            };
            answers.put(key, new Stored(params, answer));
            inFlight.remove(key);
            if (behaviour == Behaviour.CHARGE_THEN_HANG) {
                // Charged and stored, but the answer never leaves: the caller's time runs out.
                hanging.add(exchange);
                return;
            }
            if (behaviour == Behaviour.CHARGE_THEN_STALL_BODY) {
                // The headers leave, the body never follows: past the headers, a request timeout no longer counts.
                try {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(answer.status(), answer.body().length() + 1);
                } catch (IOException e) {
                    // The caller is gone.
                }
                hanging.add(exchange);
                return;
            }
        }
        try {
            send(exchange, answer);
        } catch (IOException e) {
            // The caller gave up waiting; the answer stays stored under the key.
        }
    }

    private void refund(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, new Answer(405, "{}"));
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        RefundParams params = new RefundParams(body.path("charge").asString(""));
        if (key == null || key.isBlank()) {
            send(exchange, error(400, "invalid_request", "Idempotency-Key is required"));
            return;
        }
        Answer answer;
        synchronized (this) {
            int index = indexOf(params.charge());
            if (index >= 0) {
                refundRequests.merge(charges.get(index).orderRef(), 1, Integer::sum);
            }
            Stored stored = answers.get(key);
            if (stored != null) {
                answer = stored.params().equals(params) ? stored.answer()
                        : error(400, "idempotency_key_reused", "the key was used with other parameters");
            } else if (index < 0) {
                // Bad input uses up no key.
                answer = new Answer(404, json.writeValueAsString(Map.of("type", "/problems/not-found", "status", 404,
                        "detail", "There is no charge with this id.")));
            } else {
                Charge charge = charges.get(index);
                if (charge.refundId() == null) {
                    charge = charge.refunded("re_" + UUID.randomUUID().toString().replace("-", ""));
                    charges.set(index, charge);
                }
                answer = new Answer(200, json.writeValueAsString(Map.of("id", charge.refundId(), "charge",
                        charge.id(), "amount", charge.amount(), "status", "succeeded", "created",
                        Instant.now().toString())));
                answers.put(key, new Stored(params, answer));
            }
        }
        respondLater(exchange, answer);
    }

    private int indexOf(String chargeId) {
        for (int i = 0; i < charges.size(); i++) {
            if (charges.get(i).id().equals(chargeId)) {
                return i;
            }
        }
        return -1;
    }

    private Answer made(String key, Params params) {
        Charge charge = new Charge("ch_" + UUID.randomUUID().toString().replace("-", ""), key, params.orderRef(),
                params.amount(), params.currency(), params.customer(), null);
        charges.add(charge);
        return new Answer(200, json.writeValueAsString(chargeJson(charge)));
    }

    private void list(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String orderRef = null;
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals("orderRef") && parts.length == 2) {
                orderRef = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        if (orderRef == null) {
            send(exchange, error(400, "invalid_request", "orderRef is required"));
            return;
        }
        List<Map<String, Object>> found = chargesFor(orderRef).stream().map(TestProvider::chargeJson).toList();
        respondLater(exchange, new Answer(200, json.writeValueAsString(found)));
    }

    private void respondLater(HttpExchange exchange, Answer answer) {
        Duration delay = latency;
        if (delay.isZero()) {
            workers.execute(() -> sendQuietly(exchange, answer));
            return;
        }
        int now = slowInProgress.incrementAndGet();
        maxSlowInProgress.accumulateAndGet(now, Math::max);
        delays.schedule(() -> {
            slowInProgress.decrementAndGet();
            workers.execute(() -> sendQuietly(exchange, answer));
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Map<String, Object> chargeJson(Charge charge) {
        Map<String, Object> shown = new HashMap<>(Map.of("id", charge.id(), "status", charge.status(), "amount",
                charge.amount(), "currency", charge.currency(), "customer", charge.customer(), "orderRef",
                charge.orderRef(), "refunded", charge.refundId() != null));
        shown.put("refundId", charge.refundId());
        return shown;
    }

    private Answer error(int status, String code, String message) {
        String state = status == 402 ? "declined" : "error";
        return new Answer(status, json.writeValueAsString(Map.of("status", state, "code", code, "message", message)));
    }

    private static void sendQuietly(HttpExchange exchange, Answer answer) {
        try {
            send(exchange, answer);
        } catch (IOException e) {
            // The caller is gone.
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }
}
