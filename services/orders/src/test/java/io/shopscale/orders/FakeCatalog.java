package io.shopscale.orders;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A remote catalog for the tests: a real HTTP server answering the batch lookup by SKU the way the catalog does,
 * from a fixed price list, and counting how often each SKU was asked for. It can be switched to fail.
 */
final class FakeCatalog implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Long> prices = new ConcurrentHashMap<>();
    private final Map<String, Long> priceVersions = new ConcurrentHashMap<>();
    private final Map<String, Integer> lookups = new ConcurrentHashMap<>();
    private volatile boolean failing;

    FakeCatalog() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(workers);
        server.createContext("/api/products/by-sku", this::bySku);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void price(String sku, long amount) {
        price(sku, amount, 1);
    }

    void price(String sku, long amount, long priceVersion) {
        prices.put(sku, amount);
        priceVersions.put(sku, priceVersion);
    }

    /** How many lookups named this SKU, failed ones included. */
    int lookups(String sku) {
        return lookups.getOrDefault(sku, 0);
    }

    void failing(boolean failing) {
        this.failing = failing;
    }

    private void bySku(HttpExchange exchange) throws IOException {
        List<String> skus = new ArrayList<>();
        String query = exchange.getRequestURI().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals("sku") && parts.length == 2) {
                skus.add(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        skus.forEach(sku -> lookups.merge(sku, 1, Integer::sum));
        if (failing) {
            send(exchange, 503, "{\"status\":503}");
            return;
        }
        List<String> items = new ArrayList<>();
        for (String sku : skus) {
            Long price = prices.get(sku);
            if (price != null) {
                items.add("{\"id\":\"" + java.util.UUID.nameUUIDFromBytes(sku.getBytes(StandardCharsets.UTF_8))
                        + "\",\"sku\":\"" + sku + "\",\"name\":\"Product " + sku
                        + "\",\"price\":{\"amount\":" + price + ",\"currency\":\"USD\"},\"priceVersion\":"
                        + priceVersions.getOrDefault(sku, 1L) + ",\"version\":0}");
            }
        }
        send(exchange, 200, "{\"items\":[" + String.join(",", items) + "],\"page\":0,\"size\":" + skus.size()
                + ",\"total\":" + items.size() + "}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
