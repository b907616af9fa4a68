package io.shopscale.psp;

import static io.shopscale.psp.PspClient.assertProblem;
import static io.shopscale.psp.PspClient.chargeBody;
import static io.shopscale.psp.PspClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The failure knobs on the admin port: read, replaced, patched, validated and reset. */
class AdminSystemTests extends RunningSimulatorTests {

    @Test
    void theSettingsStartFromTheConfiguration() {
        JsonNode settings = json(psp.admin("GET", "/admin/settings", null), 200);

        assertThat(settings.get("latency").asString()).isEqualTo("0s");
        assertThat(settings.get("declineRate").asDouble()).isZero();
        assertThat(settings.get("hang").asString()).isEqualTo("45s");
        assertThat(settings.get("outage").asBoolean()).isFalse();
        assertThat(settings.get("seed").isNull()).isTrue();
    }

    @Test
    void aPatchChangesOnlyTheNamedSettings() {
        psp.settings("{\"latency\": \"250ms\", \"seed\": 7}");

        JsonNode settings = psp.settings("{\"declineRate\": 0.25, \"jitter\": \"PT0.1S\"}");

        assertThat(settings.get("latency").asString()).isEqualTo("250ms");
        assertThat(settings.get("jitter").asString()).isEqualTo("100ms");
        assertThat(settings.get("declineRate").asDouble()).isEqualTo(0.25);
        assertThat(settings.get("seed").asLong()).isEqualTo(7);
        assertThat(json(psp.admin("GET", "/admin/settings", null), 200)).isEqualTo(settings);
    }

    @Test
    void aPatchWithNullBringsASettingBackToItsDefault() {
        psp.settings("{\"latency\": \"250ms\", \"seed\": 7}");

        JsonNode settings = psp.settings("{\"latency\": null, \"seed\": null}");

        assertThat(settings.get("latency").asString()).isEqualTo("0s");
        assertThat(settings.get("seed").isNull()).isTrue();
    }

    @Test
    void aPutReplacesEverySettingAndADeleteComesBackToTheConfiguration() {
        psp.settings("{\"latency\": \"250ms\", \"errorRate\": 0.5}");

        JsonNode replaced = json(psp.admin("PUT", "/admin/settings", "{\"timeoutRate\": 0.1}"), 200);
        JsonNode reset = json(psp.admin("DELETE", "/admin/settings", null), 200);

        assertThat(replaced.get("latency").asString()).isEqualTo("0s");
        assertThat(replaced.get("errorRate").asDouble()).isZero();
        assertThat(replaced.get("timeoutRate").asDouble()).isEqualTo(0.1);
        assertThat(replaced.get("hang").asString()).isEqualTo("60s");
        assertThat(reset.get("timeoutRate").asDouble()).isZero();
        assertThat(reset.get("hang").asString()).isEqualTo("45s");
    }

    @Test
    void invalidSettingsAreRefusedNamingTheSettingAndChangeNothing() {
        JsonNode before = json(psp.admin("GET", "/admin/settings", null), 200);
        Map<String, String> invalid = Map.ofEntries(
                Map.entry("{\"declineRate\": 1.5}", "declineRate"),
                Map.entry("{\"errorRate\": -0.1}", "errorRate"),
                Map.entry("{\"timeoutRate\": \"0.1\"}", "timeoutRate"),
                Map.entry("{\"declineRate\": 0.5, \"errorRate\": 0.3, \"timeoutRate\": 0.3}", "declineRate"),
                Map.entry("{\"latency\": \"-1s\"}", "latency"),
                Map.entry("{\"jitter\": \"soon\"}", "jitter"),
                Map.entry("{\"hang\": 5}", "hang"),
                Map.entry("{\"hang\": \"2h\"}", "hang"),
                Map.entry("{\"outage\": \"yes\"}", "outage"),
                Map.entry("{\"seed\": 1.5}", "seed"),
                Map.entry("{\"declinerate\": 0.1}", "declinerate"));

        invalid.forEach((body, setting) -> {
            assertProblem(psp.admin("PATCH", "/admin/settings", body), 400, setting);
            assertProblem(psp.admin("PUT", "/admin/settings", body), 400, setting);
        });
        for (String body : new String[] {"[]", "{", "\"x\"", ""}) {
            assertProblem(psp.admin("PATCH", "/admin/settings", body), 400, null);
        }
        assertThat(json(psp.admin("GET", "/admin/settings", null), 200)).isEqualTo(before);
    }

    @Test
    void ratesThatAddUpToExactlyOneAreAccepted() {
        JsonNode settings = psp.settings("{\"declineRate\": 0.7, \"errorRate\": 0.2, \"timeoutRate\": 0.1}");

        assertThat(settings.get("timeoutRate").asDouble()).isEqualTo(0.1);
    }

    @Test
    void forgettingChargesClearsChargesAndKeys() {
        String key = fresh("key");
        String order = fresh("order");
        String first = json(psp.charge(key, chargeBody(100, order)), 200).get("id").asString();

        assertThat(psp.admin("DELETE", "/admin/charges", null).statusCode()).isEqualTo(204);

        assertThat(psp.chargesFor(order)).isEmpty();
        String second = json(psp.charge(key, chargeBody(100, order)), 200).get("id").asString();
        assertThat(second).isNotEqualTo(first);
    }
}
