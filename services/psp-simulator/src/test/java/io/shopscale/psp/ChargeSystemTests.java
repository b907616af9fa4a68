package io.shopscale.psp;

import static io.shopscale.psp.PspClient.assertProblem;
import static io.shopscale.psp.PspClient.chargeBody;
import static io.shopscale.psp.PspClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

class ChargeSystemTests extends RunningSimulatorTests {

    @Autowired
    ApplicationContext context;

    @Test
    void aChargeSucceedsAndIsListedForItsOrder() {
        String order = fresh("order");

        JsonNode charge = json(psp.charge(fresh("key"), chargeBody(2499, order)), 200);

        assertThat(charge.get("id").asString()).startsWith("ch_");
        assertThat(charge.get("status").asString()).isEqualTo("succeeded");
        assertThat(charge.get("amount").asLong()).isEqualTo(2499);
        assertThat(charge.get("currency").asString()).isEqualTo("EUR");
        assertThat(charge.get("customer").asString()).isEqualTo("cus_test");
        assertThat(charge.get("orderRef").asString()).isEqualTo(order);
        assertThat(Instant.parse(charge.get("created").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(psp.chargesFor(order)).containsExactly(charge);
        assertThat(json(psp.getCharge("/v1/charges/" + charge.get("id").asString()), 200)).isEqualTo(charge);
    }

    @Test
    void aDeclinedChargeAnswers402WithACodeAndChargesNothing() {
        psp.settings("{\"declineRate\": 1}");
        String order = fresh("order");

        HttpResponse<String> response = psp.charge(fresh("key"), chargeBody(100, order));

        JsonNode declined = json(response, 402);
        assertThat(declined.get("status").asString()).isEqualTo("declined");
        assertThat(declined.get("code").asString()).isIn("card_declined", "insufficient_funds", "expired_card");
        assertThat(psp.chargesFor(order)).isEmpty();
    }

    @Test
    void everyChargeForAnOrderIsListedOldestFirst() {
        String order = fresh("order");

        String first = json(psp.charge(fresh("key"), chargeBody(100, order)), 200).get("id").asString();
        String second = json(psp.charge(fresh("key"), chargeBody(200, order)), 200).get("id").asString();

        JsonNode listed = psp.chargesFor(order);
        assertThat(listed).extracting(charge -> charge.get("id").asString()).containsExactly(first, second);
        assertThat(psp.chargesFor(fresh("other-order"))).isEmpty();
    }

    @Test
    void anUnknownChargeIs404() {
        assertProblem(psp.getCharge("/v1/charges/ch_unknown"), 404, null);
    }

    @Test
    void theSimulatorStaysOutOfServiceDiscovery() {
        assertThat(context.getBeanNamesForType(com.netflix.discovery.EurekaClient.class)).isEmpty();
        assertThat(context.getEnvironment().getProperty("eureka.client.enabled")).isEqualTo("false");
    }

    @Test
    void healthAndMetricsAreOnTheAdminPort() {
        psp.charge(fresh("key"), chargeBody(100, fresh("order")));

        assertThat(json(psp.admin("GET", "/actuator/health", null), 200).get("status").asString()).isEqualTo("UP");
        HttpResponse<String> metrics = psp.admin("GET", "/actuator/prometheus", null);
        assertThat(metrics.body()).contains("psp_charges_total{").contains("outcome=\"succeeded\"");
    }

    @Test
    void eachApiAnswersOnItsOwnPortOnly() {
        assertThat(psp.getCharge("/admin/settings").statusCode()).isEqualTo(404);
        assertThat(psp.getCharge("/actuator/health").statusCode()).isEqualTo(404);
        assertThat(psp.admin("GET", "/v1/charges?orderRef=x", null).statusCode()).isEqualTo(404);
    }
}
