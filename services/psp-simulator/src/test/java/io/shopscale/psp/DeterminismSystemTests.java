package io.shopscale.psp;

import static io.shopscale.psp.PspClient.chargeBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** With a seed, a charge's outcome follows from its idempotency key alone, whatever the order or concurrency. */
class DeterminismSystemTests extends RunningSimulatorTests {

    @Test
    void withASeedTheSameKeysMeetTheSameFatesInAnyOrder() {
        psp.settings("{\"seed\": 20240601, \"declineRate\": 0.3, \"errorRate\": 0.2}");
        String run = fresh("run");
        List<String> keys = IntStream.range(0, 40).mapToObj(i -> run + "-" + i).toList();

        Map<String, String> oneByOne = new LinkedHashMap<>();
        for (String key : keys) {
            oneByOne.put(key, fate(psp.charge(key, chargeBody(100, key))));
        }
        psp.admin("DELETE", "/admin/charges", null);
        Map<String, CompletableFuture<HttpResponse<String>>> inFlight = new LinkedHashMap<>();
        for (String key : keys.reversed()) {
            inFlight.put(key, psp.chargeAsync(key, chargeBody(100, key)));
        }
        Map<String, String> allAtOnce = new LinkedHashMap<>();
        inFlight.forEach((key, response) -> allAtOnce.put(key, fate(response.join())));

        assertThat(allAtOnce).isEqualTo(oneByOne);
        assertThat(oneByOne.values()).contains("200", "500").anyMatch(fate -> fate.startsWith("402 "));
    }

    @Test
    void anotherSeedGivesOtherFates() {
        String run = fresh("run");
        List<String> keys = IntStream.range(0, 40).mapToObj(i -> run + "-" + i).toList();

        psp.settings("{\"seed\": 1, \"declineRate\": 0.5}");
        List<String> first = keys.stream().map(key -> fate(psp.charge(key, chargeBody(100, key)))).toList();
        psp.admin("DELETE", "/admin/charges", null);
        psp.settings("{\"seed\": 2}");
        List<String> second = keys.stream().map(key -> fate(psp.charge(key, chargeBody(100, key)))).toList();

        assertThat(second).isNotEqualTo(first);
    }

    /** The status, and for a decline its code: all a seed decides. */
    private static String fate(HttpResponse<String> response) {
        return response.statusCode() == 402
                ? "402 " + PspClient.JSON.readTree(response.body()).get("code").asString()
                : Integer.toString(response.statusCode());
    }
}
