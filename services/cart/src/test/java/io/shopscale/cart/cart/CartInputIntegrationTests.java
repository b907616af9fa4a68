package io.shopscale.cart.cart;

import static io.shopscale.cart.cart.CartClient.assertProblem;
import static io.shopscale.cart.cart.CartClient.cart;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Whatever a client sends, a bad request is a 4xx problem that names what was wrong, never a 5xx. */
class CartInputIntegrationTests extends RunningCartTests {

    @Test
    void quantitiesOutsideOneTo99AreRejected() {
        String token = tokenFor(newUser());

        for (String quantity : new String[] {"0", "-1", "100", "1000000000", "-2147483648"}) {
            assertProblem(cart.putRaw(token, "ABC-00001", "{\"quantity\":" + quantity + "}"), 400, "quantity");
        }
        assertThat(cart(cart.put(token, "ABC-00001", 1)).get("totalQuantity").asInt()).isEqualTo(1);
        assertThat(cart(cart.put(token, "ABC-00001", 99)).get("totalQuantity").asInt()).isEqualTo(99);
    }

    @Test
    void aQuantityThatIsNotAWholeNumberIsRejected() {
        String token = tokenFor(newUser());

        for (String quantity : new String[] {"\"x\"", "\"2\"", "2.5", "1e2", "true", "[2]", "{\"n\":2}",
                "100000000000000000000", "null"}) {
            assertProblem(cart.putRaw(token, "ABC-00001", "{\"quantity\":" + quantity + "}"), 400, "quantity");
        }
        assertProblem(cart.putRaw(token, "ABC-00001", "{}"), 400, "quantity");
        assertProblem(cart.putRaw(token, "ABC-00001", "{\"qty\":2}"), 400, "quantity");
        assertThat(cart(cart.get(token)).get("items")).isEmpty();
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRejected() {
        String token = tokenFor(newUser());

        for (String body : new String[] {"", "{", "{\"quantity\":", "quantity=2", "[]", "2", "null",
                "{\"quantity\":2}{\"quantity\":3}"}) {
            assertProblem(cart.putRaw(token, "ABC-00001", body), 400, "body");
        }
        assertProblem(cart.send("PUT", "/api/cart/items/ABC-00001", token, "{\"quantity\":2}", "text/plain"),
                415, null);
        assertProblem(cart.send("PUT", "/api/cart/items/ABC-00001", token, null, null), 400, null);
        assertThat(cart(cart.get(token)).get("items")).isEmpty();
    }

    @Test
    void extraFieldsAreIgnoredAndNeverReachTheStore() {
        String user = newUser();
        String other = newUser();
        String token = tokenFor(user);

        JsonNode result = cart(cart.putRaw(token, "ABC-00001", """
                {"quantity": 2, "sku": "HAX-00001", "userId": "%s", "totalQuantity": 9999, "price": 0,
                 "@updatedAt": 0, "items": [{"sku": "HAX-00002", "quantity": 50}]}""".formatted(other)));

        assertThat(result.get("items")).hasSize(1);
        assertThat(result.get("items").get(0).get("sku").asString()).isEqualTo("ABC-00001");
        assertThat(result.get("totalQuantity").asInt()).isEqualTo(2);
        assertThat(cart(cart.get(tokenFor(other))).get("items")).isEmpty();
    }

    @Test
    void skusOutsideTheFormatAreRejected() {
        String token = tokenFor(newUser());

        String[] badSkus = {"abc-00001", "A", "-ABC", "ABC_00001", "ABC%2000001", "%C3%84BC-00001",
                "%F0%9F%9B%92", "A".repeat(33), "B".repeat(4000), "%E2%80%AEABC"};
        for (String sku : badSkus) {
            assertProblem(cart.put(token, sku, 1), 400, null);
            assertProblem(cart.remove(token, sku), 400, null);
        }
        JsonNode problem = assertProblem(cart.put(token, "B".repeat(4000), 1), 400, "sku");
        assertThat(problem.get("detail").asString()).doesNotContain("BBBB");
        assertThat(cart(cart.get(token)).get("items")).isEmpty();
    }

    /** Some of these are refused by Tomcat or the firewall before the application sees them. */
    @Test
    void oddPathsAreClientErrorsToo() {
        String token = tokenFor(newUser());

        for (String path : new String[] {"/api/cart/items/ABC%2F00001", "/api/cart/items/..%2F..%2Factuator",
                "/api/cart/items/ABC;x=1", "/api/cart/items/%25", "/api/cart/items/",
                "/api/cart/items/ABC-00001%00"}) {
            HttpResponse<String> response = cart.send("PUT", path, token, "{\"quantity\":1}", "application/json");
            assertThat(response.statusCode()).as(path + " -> " + response.body()).isBetween(400, 499);
        }
        assertProblem(cart.send("POST", "/api/cart", token, "{}", "application/json"), 405, null);
    }

    @Test
    void aLargeBodyDoesNotBreakTheService() {
        String token = tokenFor(newUser());
        String padding = "x".repeat(2_000_000);
        StringBuilder deep = new StringBuilder("{\"quantity\":1,\"nested\":");
        deep.append("[".repeat(5_000)).append("]".repeat(5_000)).append('}');

        HttpResponse<String> large = cart.putRaw(token, "ABC-00001",
                "{\"quantity\":3,\"note\":\"" + padding + "\"}");
        HttpResponse<String> nested = cart.putRaw(token, "DEF-00002", deep.toString());

        assertThat(large.statusCode()).as(large.body()).isBetween(200, 499);
        assertThat(nested.statusCode()).as(nested.body()).isBetween(200, 499);
        assertThat(large.body()).doesNotContain(padding.substring(0, 100));
        if (nested.statusCode() >= 400) {
            assertProblem(nested, nested.statusCode(), null);
        }
    }
}
