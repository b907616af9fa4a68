package io.shopscale.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopscale.catalog.CatalogIntegrationTestBase;
import io.shopscale.testsupport.SharedStores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProductApiIntegrationTests extends CatalogIntegrationTestBase {

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Flyway flyway;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void theSeedIsLoadedOnceAndMigratingAgainChangesNothing() {
        long before = jdbc.sql("SELECT count(*) FROM product").query(Long.class).single();

        int applied = flyway.migrate().migrationsExecuted;

        assertThat(before).isGreaterThanOrEqualTo(10_000);
        assertThat(applied).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM product").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM product WHERE description ~ '^A [aeiouAEIOU]'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void searchFindsProductsByNameAndDescription() throws Exception {
        JsonNode page = getJson("/api/products?q=desk%20lamp&size=50");

        assertThat(page.get("total").asLong()).isPositive();
        assertThat(page.get("size").asInt()).isEqualTo(50);
        for (JsonNode item : page.get("items")) {
            String text = (item.get("name").asString() + " " + item.get("description").asString()).toLowerCase();
            assertThat(text).contains("desk").contains("lamp");
        }
        JsonNode byDescription = getJson("/api/products?q=plastic-free%20packaging&size=5");
        assertThat(byDescription.get("total").asLong()).isPositive();
        assertThat(getJson("/api/products?q=zzzyxnotaword").get("total").asLong()).isZero();
    }

    @Test
    void categoryFilterAndSortingWork() throws Exception {
        JsonNode page = getJson("/api/products?category=lighting&sort=price&size=100");

        List<Long> prices = new ArrayList<>();
        for (JsonNode item : page.get("items")) {
            assertThat(item.get("category").asString()).isEqualTo("lighting");
            prices.add(item.get("price").get("amount").asLong());
        }
        assertThat(prices).isSorted().hasSize(100);
        assertThat(page.get("total").asLong()).isBetween(700L, 900L);
        assertThat(getJson("/api/products?category=no-such-category").get("total").asLong()).isZero();
    }

    @Test
    void pagesAreStableAndDisjoint() throws Exception {
        Set<String> seen = new HashSet<>();
        for (int p = 0; p < 5; p++) {
            JsonNode first = getJson("/api/products?q=oak&page=" + p + "&size=20");
            JsonNode again = getJson("/api/products?q=oak&page=" + p + "&size=20");
            assertThat(again.get("items")).isEqualTo(first.get("items"));
            first.get("items").forEach(item -> assertThat(seen.add(item.get("id").asString())).isTrue());
        }
        assertThat(seen).hasSize(100);
        JsonNode beyond = getJson("/api/products?q=oak&page=9999&size=20");
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("total").asLong()).isPositive();
    }

    @Test
    void aProductCarriesAnEtagAndAnswers304WhenUnchanged() throws Exception {
        String id = firstProductId();

        HttpResponse<String> first = get("/api/products/" + id, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> second = get("/api/products/" + id, etag);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("max-age=60").contains("public"));
        JsonNode product = json.readTree(first.body());
        assertThat(product.get("id").asString()).isEqualTo(id);
        assertThat(product.get("price").get("currency").asString()).isEqualTo("USD");
        assertThat(product.get("sku").asString()).matches("[A-Z]{3}-\\d{5}");
        assertThat(second.statusCode()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        assertThat(get("/api/products/" + id, "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void aBatchLookupBySkuReturnsJustThoseProductsWithTheirPrices() throws Exception {
        JsonNode page = getJson("/api/products/by-sku?sku=LGT-00002&sku=HKT-00001&sku=ZZZ-99999&sku=HKT-00001");

        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(3);
        List<String> skus = new ArrayList<>();
        for (JsonNode item : page.get("items")) {
            skus.add(item.get("sku").asString());
            assertThat(item.get("price").get("amount").asLong()).isPositive();
            assertThat(item.get("price").get("currency").asString()).isEqualTo("USD");
            assertThat(item.get("priceVersion").asLong()).isPositive();
            JsonNode single = getJson("/api/products/" + item.get("id").asString());
            assertThat(single.get("price")).isEqualTo(item.get("price"));
        }
        assertThat(skus).containsExactly("HKT-00001", "LGT-00002");
        assertThat(getJson("/api/products/by-sku?sku=ZZZ-99999").get("items")).isEmpty();
    }

    @Test
    void aBatchLookupTakesAtMostAHundredWellFormedSkus() throws Exception {
        StringBuilder hundred = new StringBuilder("/api/products/by-sku?sku=HKT-00001");
        for (int i = 2; i <= 100; i++) {
            hundred.append("&sku=HKT-").append(String.format("%05d", i));
        }
        assertThat(getJson(hundred.toString()).get("total").asLong()).isEqualTo(100);

        assertProblem(get(hundred + "&sku=HKT-00101", null), 400, "sku");
        assertProblem(get("/api/products/by-sku", null), 400, "sku");
        assertProblem(get("/api/products/by-sku?sku=", null), 400, "sku");
        assertProblem(get("/api/products/by-sku?sku=hkt-00001", null), 400, "sku");
        assertProblem(get("/api/products/by-sku?sku=%27%3B%20DROP%20TABLE%20product", null), 400, "sku");
        assertProblem(get("/api/products/by-sku?sku=" + "A".repeat(33), null), 400, "sku");
    }

    @Test
    void badInputIsAProblemNamingTheParameter() throws Exception {
        assertProblem(get("/api/products/00000000-0000-0000-0000-000000000000", null), 404, null);
        assertProblem(get("/api/products/not-a-uuid", null), 400, "id");
        assertProblem(get("/api/products?page=-1", null), 400, "page");
        assertProblem(get("/api/products?size=0", null), 400, "size");
        assertProblem(get("/api/products?size=101", null), 400, "size");
        assertProblem(get("/api/products?size=ten", null), 400, "size");
        assertProblem(get("/api/products?sort=popularity", null), 400, "sort");
        assertProblem(get("/api/products?category=%3Cscript%3E", null), 400, "category");
        assertProblem(get("/api/products?q=" + "a".repeat(300), null), 400, "q");
    }

    @Test
    void productReadsFillTheCacheAndSurviveARedisOutage() throws Exception {
        String cachedId = firstProductId();
        String uncachedId = getJson("/api/products?sort=-price&size=1").get("items").get(0).get("id").asString();

        assertThat(get("/api/products/" + cachedId, null).statusCode()).isEqualTo(200);
        assertThat(redis.hasKey(ProductCache.KEY_PREFIX + cachedId)).isTrue();

        var stores = SharedStores.get();
        stores.redis().stop();
        try {
            for (int i = 0; i < 20; i++) {
                long started = System.nanoTime();
                HttpResponse<String> response = get("/api/products/" + (i % 2 == 0 ? cachedId : uncachedId), null);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            }
        } finally {
            stores.redis().restart();
        }
    }

    private String firstProductId() throws Exception {
        return getJson("/api/products?size=1").get("items").get(0).get("id").asString();
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path, null);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertProblem(HttpResponse<String> response, int status, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (parameter != null) {
            assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
    }
}
