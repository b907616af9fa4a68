package io.shopscale.loadtest.blackfriday.traffic;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shopscale.loadtest.account.AccessToken;
import io.shopscale.loadtest.account.Accounts;
import io.shopscale.loadtest.account.Shopper;
import io.shopscale.loadtest.bench.Summary;
import io.shopscale.loadtest.blackfriday.workload.Arrivals;
import io.shopscale.loadtest.blackfriday.workload.Catalog;
import io.shopscale.loadtest.blackfriday.workload.Phase;
import io.shopscale.loadtest.blackfriday.workload.Profile;
import io.shopscale.loadtest.blackfriday.workload.RateCurve;
import io.shopscale.loadtest.blackfriday.workload.Shopping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A short open-model run against a small fake shop on a random port: the generator's own plumbing, no platform. */
class TrafficTests {

    private HttpServer server;
    private final Map<String, String> orderByKey = new ConcurrentHashMap<>();
    private final Map<String, Instant> placedAt = new ConcurrentHashMap<>();

    @BeforeEach
    void startShop() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterEach
    void stopShop() {
        server.stop(0);
    }

    @Test
    void ordersAreAcceptedPolledUntilFinalAndResentWithoutDuplicates() throws Exception {
        URI gateway = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        Profile profile = new Profile("t", "", 40, 4, List.of(new Phase("warm", Duration.ofMillis(1500), 1, 1, false),
                new Phase("flash-sale", Duration.ofMillis(1500), 1, 1, true)), Duration.ofSeconds(5), Map.of());
        Catalog catalog = new Catalog(IntStream.rangeClosed(2, 30).mapToObj(n -> new Catalog.Product("p" + n,
                "BOK-%05d".formatted(n), "Wren Pocket Field Guide")).toList(),
                List.of(new Catalog.Product("hot", "HKT-00001", "Cobalt Copper Kettle")));
        List<Shopper> shoppers = IntStream.range(0, 4).mapToObj(i -> new Shopper(i, "s" + i + "@x.example", "pw",
                new AccessToken("token-" + i, "user-" + i, Instant.now().plusSeconds(900)))).toList();
        StringWriter progress = new StringWriter();
        try (HttpClient client = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                .build()) {
            RateCurve curve = new RateCurve(profile);
            List<String> seconds = new CopyOnWriteArrayList<>();
            EverySecond everySecond = new EverySecond() {
                @Override
                public void start() {
                    seconds.add("start");
                }

                @Override
                public void second(int second, String phase) {
                    seconds.add(second + " " + phase);
                }
            };
            Traffic traffic = new Traffic(new ShopClient(client, gateway, Duration.ofSeconds(5)), shoppers,
                    new Accounts(client, gateway, Duration.ofSeconds(5)), 100, Duration.ofSeconds(5), everySecond,
                    new PrintWriter(progress, true));

            Traffic.Result result = traffic.run(curve,
                    new Arrivals(curve, Arrivals.Process.UNIFORM, new SplittableRandom(1)),
                    new Shopping(catalog, shoppers.size(), 0.5, new SplittableRandom(2)),
                    orders -> await().atMost(Duration.ofSeconds(10)).until(() -> orders.pending() == 0));

            Measurements measurements = result.measurements();
            long sent = 0;
            for (Endpoint endpoint : List.of(Endpoint.SEARCH, Endpoint.PRODUCT, Endpoint.STOCK, Endpoint.CART_PUT,
                    Endpoint.CART, Endpoint.CHECKOUT, Endpoint.FLASH_CHECKOUT)) {
                sent += measurements.summary(endpoint, 3).calls();
            }
            assertThat(sent).as("every arrival of 40/s for 3 s, uniform").isEqualTo(120);
            Summary checkout = measurements.summary(Endpoint.CHECKOUT, 3);
            Summary resend = measurements.summary(Endpoint.CHECKOUT_RESEND, 3);
            assertThat(checkout.counts()).containsOnlyKeys("202");
            assertThat(measurements.summary(Endpoint.FLASH_CHECKOUT, 3).counts()).containsOnlyKeys("409");
            assertThat(resend.calls()).as("about half the checkouts were resent").isPositive();
            // One order per checkout, however often it was resent.
            assertThat(orderByKey).hasSize((int) checkout.calls());
            assertThat(result.orders().acceptedIds()).containsExactlyInAnyOrderElementsOf(orderByKey.values());
            assertThat(result.orders().replayMismatches()).isEmpty();
            assertThat(result.orders().seenConfirmed()).isEqualTo(orderByKey.size());
            assertThat(result.orders().timeToFinalMicros().getMinValue()).isGreaterThanOrEqualTo(200_000);
            assertThat(measurements.summary(Endpoint.ORDER, 3).counts()).containsOnlyKeys("200");
            assertThat(result.timeline()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(result.timeline().getFirst().phase()).isEqualTo("warm");
            assertThat(result.abandoned()).isZero();
            // A second is named by the phase at its start.
            assertThat(seconds).startsWith("start", "0 warm", "1 warm", "2 flash-sale");
            // Per phase, by scheduled time: 60 arrivals each, and every answer in one phase or after the load.
            assertThat(measurements.offered("warm")).isEqualTo(60);
            assertThat(measurements.offered("flash-sale")).isEqualTo(60);
            assertThat(measurements.summary("warm", Endpoint.FLASH_CHECKOUT, 1.5).calls()).isZero();
            assertThat(measurements.summary("flash-sale", Endpoint.FLASH_CHECKOUT, 1.5).calls())
                    .isEqualTo(measurements.summary(Endpoint.FLASH_CHECKOUT, 3).calls());
            for (Endpoint endpoint : Endpoint.values()) {
                long byPhase = Stream.of("warm", "flash-sale", Traffic.SETTLING)
                        .mapToLong(phase -> measurements.summary(phase, endpoint, 1).calls()).sum();
                assertThat(byPhase).as(endpoint.label()).isEqualTo(measurements.summary(endpoint, 3).calls());
            }
        }
    }

    /** A drill's observer hears of the start and of every answer, and ends the load long before the profile would. */
    @Test
    void anObserverEndsTheLoadEarlyAndHearsEveryAnswer() throws Exception {
        URI gateway = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        Profile profile = new Profile("t", "", 40, 2, List.of(new Phase("long", Duration.ofMinutes(10), 1, 1, false)),
                Duration.ofSeconds(5), Map.of());
        Catalog catalog = new Catalog(IntStream.rangeClosed(2, 30).mapToObj(n -> new Catalog.Product("p" + n,
                "BOK-%05d".formatted(n), "Wren Pocket Field Guide")).toList(), List.of());
        List<Shopper> shoppers = IntStream.range(0, 2).mapToObj(i -> new Shopper(i, "s" + i + "@x.example", "pw",
                new AccessToken("token-" + i, "user-" + i, Instant.now().plusSeconds(900)))).toList();
        java.util.concurrent.atomic.AtomicLong started = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicInteger answers = new java.util.concurrent.atomic.AtomicInteger();
        LoadObserver observer = new LoadObserver() {
            @Override
            public void started(long startNanos) {
                started.set(startNanos);
            }

            @Override
            public double endSeconds() {
                return 1.5;
            }

            @Override
            public void answered(Endpoint endpoint, String outcome, long answeredNanos) {
                answers.incrementAndGet();
            }
        };
        try (HttpClient client = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                .build()) {
            RateCurve curve = new RateCurve(profile);
            Traffic traffic = new Traffic(new ShopClient(client, gateway, Duration.ofSeconds(5)), shoppers,
                    new Accounts(client, gateway, Duration.ofSeconds(5)), 100, Duration.ofSeconds(5),
                    new PrintWriter(new StringWriter(), true));

            Traffic.Result result = traffic.run(curve,
                    new Arrivals(curve, Arrivals.Process.UNIFORM, new SplittableRandom(1)),
                    new Shopping(catalog, shoppers.size(), 0, new SplittableRandom(2)), observer, orders -> { });

            assertThat(started.get()).isPositive();
            assertThat(result.loadSeconds()).isBetween(1.4, 3.0);
            long arrived = 0;
            long all = 0;
            for (Endpoint endpoint : Endpoint.values()) {
                long calls = result.measurements().summary(endpoint, 1.5).calls();
                all += calls;
                if (endpoint != Endpoint.ORDER && endpoint != Endpoint.CHECKOUT_RESEND) {
                    arrived += calls;
                }
            }
            assertThat(arrived).as("40/s for 1.5 s, and nothing after").isBetween(58L, 62L);
            assertThat(answers.get()).isEqualTo((int) all);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer token-")) {
            respond(exchange, 401, "{}");
            return;
        }
        if (path.equals("/api/orders") && exchange.getRequestMethod().equals("POST")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("HKT-00001")) {
                respond(exchange, 409, "{\"title\":\"Out of stock\"}");
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String id = orderByKey.computeIfAbsent(key, k -> {
                String fresh = UUID.randomUUID().toString();
                placedAt.put(fresh, Instant.now());
                return fresh;
            });
            respond(exchange, 202, "{\"orderId\":\"" + id + "\",\"status\":\"PENDING_PAYMENT\"}");
        }
        else if (path.startsWith("/api/orders/")) {
            Instant placed = placedAt.get(path.substring("/api/orders/".length()));
            boolean paid = placed != null && placed.plusMillis(200).isBefore(Instant.now());
            respond(exchange, placed == null ? 404 : 200, "{\"status\":\"" + (paid ? "CONFIRMED" : "PENDING_PAYMENT")
                    + "\"}");
        }
        else {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 200, "{}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
