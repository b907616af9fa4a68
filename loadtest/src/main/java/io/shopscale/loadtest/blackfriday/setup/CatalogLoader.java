package io.shopscale.loadtest.blackfriday.setup;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.shopscale.loadtest.blackfriday.workload.Catalog;
import io.shopscale.loadtest.blackfriday.workload.Catalog.Product;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the products to browse through the public catalog API, before any load: a few pages of the listing, and the
 * hot SKUs by SKU. Ids are the catalog's own, so product pages are real ones.
 */
public final class CatalogLoader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAGE_SIZE = 100;

    private final HttpClient client;
    private final URI gateway;
    private final Duration timeout;

    public CatalogLoader(HttpClient client, URI gateway, Duration timeout) {
        this.client = client;
        this.gateway = gateway;
        this.timeout = timeout;
    }

    public Catalog load(int pages, List<String> hotSkus) throws IOException, InterruptedException {
        Set<String> hot = Set.copyOf(hotSkus);
        Map<String, Product> regular = new LinkedHashMap<>();
        for (int page = 0; page < pages; page++) {
            List<Product> products = products(get("/api/products?size=" + PAGE_SIZE + "&page=" + page));
            products.stream().filter(p -> !hot.contains(p.sku())).forEach(p -> regular.putIfAbsent(p.sku(), p));
            if (products.size() < PAGE_SIZE) {
                break;
            }
        }
        List<Product> hotProducts = hotSkus.isEmpty() ? List.of() : products(get("/api/products/by-sku?"
                + hotSkus.stream().map(s -> "sku=" + URLEncoder.encode(s, StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (hotProducts.size() < hotSkus.size()) {
            throw new IllegalStateException("the catalog knows " + hotProducts.size() + " of the hot SKUs "
                    + hotSkus);
        }
        return new Catalog(new ArrayList<>(regular.values()), hotProducts);
    }

    static List<Product> products(String json) {
        List<Product> products = new ArrayList<>();
        for (JsonNode item : JSON.readTree(json).path("items")) {
            String id = item.path("id").asString("");
            String sku = item.path("sku").asString("");
            if (!id.isEmpty() && !sku.isEmpty()) {
                products.add(new Product(id, sku, item.path("name").asString(sku)));
            }
        }
        return products;
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.resolve(path)).timeout(timeout)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }
}
