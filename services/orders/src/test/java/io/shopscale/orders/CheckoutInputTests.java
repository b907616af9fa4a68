package io.shopscale.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Whatever a client sends, checkout answers with a 4xx problem and places nothing: never a 5xx. */
class CheckoutInputTests extends SystemTestSupport {

    static Stream<Arguments> badBodies() {
        String hundredAndOne = IntStream.rangeClosed(1, 101)
                .mapToObj(i -> "{\"sku\":\"SKU-" + i + "\",\"quantity\":1}")
                .collect(Collectors.joining(",", "{\"items\":[", "]}"));
        return Stream.of(
                Arguments.of("malformed JSON", "{\"items\":[{\"sku\":\"HKT-00001\",", null),
                Arguments.of("not JSON", "items=HKT-00001", null),
                Arguments.of("empty body", "", null),
                Arguments.of("JSON null", "null", null),
                Arguments.of("an array", "[]", null),
                Arguments.of("items missing", "{}", "items"),
                Arguments.of("items null", "{\"items\":null}", "items"),
                Arguments.of("items not an array", "{\"items\":\"HKT-00001\"}", null),
                Arguments.of("no items", "{\"items\":[]}", "items"),
                Arguments.of("101 items", hundredAndOne, "items"),
                Arguments.of("null item", "{\"items\":[null]}", "items[0]"),
                Arguments.of("item not an object", "{\"items\":[42]}", null),
                Arguments.of("sku missing", "{\"items\":[{\"quantity\":1}]}", "items[0].sku"),
                Arguments.of("sku an object", "{\"items\":[{\"sku\":{},\"quantity\":1}]}", null),
                Arguments.of("sku empty", "{\"items\":[{\"sku\":\"\",\"quantity\":1}]}", "items[0].sku"),
                Arguments.of("sku lower case", "{\"items\":[{\"sku\":\"hkt-00001\",\"quantity\":1}]}", "items[0].sku"),
                Arguments.of("sku too long", "{\"items\":[{\"sku\":\"" + "A".repeat(33) + "\",\"quantity\":1}]}",
                        "items[0].sku"),
                Arguments.of("sku very long", "{\"items\":[{\"sku\":\"" + "A".repeat(100_000)
                        + "\",\"quantity\":1}]}", "items[0].sku"),
                Arguments.of("sku unicode", "{\"items\":[{\"sku\":\"HKT-0000\u0661\",\"quantity\":1}]}",
                        "items[0].sku"),
                Arguments.of("sku emoji", "{\"items\":[{\"sku\":\"\uD83D\uDED2\",\"quantity\":1}]}", "items[0].sku"),
                Arguments.of("sku injection", "{\"items\":[{\"sku\":\"' OR 1=1 --\",\"quantity\":1}]}",
                        "items[0].sku"),
                Arguments.of("quantity missing", "{\"items\":[{\"sku\":\"HKT-00001\"}]}", "items[0].quantity"),
                Arguments.of("quantity null", "{\"items\":[{\"sku\":\"HKT-00001\",\"quantity\":null}]}",
                        "items[0].quantity"),
                Arguments.of("quantity zero", items("HKT-00001", "0"), "items[0].quantity"),
                Arguments.of("quantity negative", items("HKT-00001", "-1"), "items[0].quantity"),
                Arguments.of("quantity 100", items("HKT-00001", "100"), "items[0].quantity"),
                Arguments.of("quantity 10^9", items("HKT-00001", "1000000000"), "items[0].quantity"),
                Arguments.of("quantity beyond int", items("HKT-00001", "99999999999999999999"), null),
                Arguments.of("quantity fractional", items("HKT-00001", "1.5"), null),
                Arguments.of("quantity a word", "{\"items\":[{\"sku\":\"HKT-00001\",\"quantity\":\"two\"}]}", null),
                Arguments.of("duplicate SKUs", items("HKT-00001", "1", "LGT-00002", "1", "HKT-00001", "2"),
                        "items[2].sku"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodiesAreClientErrors(String description, String body, String parameter) throws Exception {
        String user = newUser();

        HttpResponse<String> response = checkout(user, UUID.randomUUID().toString(), body);

        JsonNode problem = assertProblem(response, 400);
        if (parameter != null) {
            assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        }
        assertThat(ordersOf(user)).isZero();
    }

    @Test
    void aNumericSkuIsReadAsTextAndThenUnknown() throws Exception {
        String user = newUser();

        JsonNode problem = assertProblem(checkout(user, UUID.randomUUID().toString(),
                "{\"items\":[{\"sku\":12345,\"quantity\":1}]}"), 422);

        assertThat(problem.get("skus").get(0).asString()).isEqualTo("12345");
        assertThat(ordersOf(user)).isZero();
    }

    @Test
    void duplicateSkusAreNamed() throws Exception {
        JsonNode problem = assertProblem(checkout(newUser(), UUID.randomUUID().toString(),
                items("HKT-00001", "1", "HKT-00001", "2")), 400);

        assertThat(problem.get("detail").asString()).contains("HKT-00001");
    }

    @Test
    void theWrongMediaTypeOrMethodIsAClientError() throws Exception {
        String user = newUser();
        HttpResponse<String> text = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/orders"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token(user))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(items("HKT-00001", "1"))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/orders/" + UUID.randomUUID()))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token(user))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(text, 415);
        assertProblem(delete, 405);
        assertThat(ordersOf(user)).isZero();
    }
}
