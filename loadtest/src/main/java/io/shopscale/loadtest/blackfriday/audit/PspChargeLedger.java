package io.shopscale.loadtest.blackfriday.audit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the payment provider for each order's charges, {@code GET {psp}/v1/charges?orderRef={orderId}}, at most
 * {@code parallel} at a time: thousands of orders take seconds, not minutes, without flooding the provider.
 */
public final class PspChargeLedger implements ChargeLedger {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final URI psp;
    private final Duration timeout;
    private final int parallel;

    public PspChargeLedger(HttpClient client, URI psp, Duration timeout, int parallel) {
        this.client = client;
        this.psp = psp;
        this.timeout = timeout;
        this.parallel = parallel;
    }

    @Override
    public Lookup charges(Collection<UUID> orderIds) throws InterruptedException {
        Map<UUID, List<Charge>> byOrder = new ConcurrentHashMap<>();
        Set<UUID> unanswered = ConcurrentHashMap.newKeySet();
        Semaphore permits = new Semaphore(parallel);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (UUID orderId : orderIds) {
                permits.acquire();
                threads.execute(() -> {
                    try {
                        ask(orderId).ifPresentOrElse(charges -> byOrder.put(orderId, charges),
                                () -> unanswered.add(orderId));
                    }
                    finally {
                        permits.release();
                    }
                });
            }
        }
        return new Lookup(byOrder, unanswered);
    }

    /** The order's charges, or empty if the provider could not say (after one retry). */
    private Optional<List<Charge>> ask(UUID orderId) {
        URI uri = URI.create(psp.toString().replaceAll("/+$", "") + "/v1/charges?orderRef="
                + URLEncoder.encode(orderId.toString(), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .GET().build();
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 404) {
                    return Optional.of(List.of());
                }
                if (response.statusCode() == 200) {
                    return Optional.of(parse(response.body()));
                }
            }
            catch (IOException | RuntimeException ex) {
                // Asked again once; then the order's charges count as unknown.
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A JSON array of charges, or a list object holding one under {@code data} or {@code items}. */
    static List<Charge> parse(String json) {
        JsonNode root = JSON.readTree(json);
        JsonNode items = root.isArray() ? root : root.has("data") ? root.get("data") : root.path("items");
        List<Charge> charges = new ArrayList<>();
        for (JsonNode charge : items) {
            charges.add(new Charge(charge.path("id").asString(""), charge.path("status").asString(""),
                    charge.path("amount").asLong(0), charge.path("currency").asString(""),
                    charge.path("orderRef").asString("")));
        }
        return charges;
    }
}
