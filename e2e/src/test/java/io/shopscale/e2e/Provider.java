package io.shopscale.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * The payment provider simulator as the auditor sees it: its record of charges, the ground truth of money taken; and
 * its admin API as someone without the token sees it.
 */
final class Provider {

    private final String charges;
    private final String settings;

    Provider(int port, int adminPort) {
        this.charges = "http://127.0.0.1:" + port + "/v1/charges";
        this.settings = "http://127.0.0.1:" + adminPort + "/admin/settings";
    }

    /** The status of an attempt to change the provider's behaviour without the admin token. */
    int changeSettingsWithoutToken(String changes) {
        return Shop.send(HttpRequest.newBuilder(URI.create(settings)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(changes)).build()).statusCode();
    }

    /** How many charges for this order succeeded at the provider. */
    int successfulCharges(String orderId) {
        HttpResponse<String> response = Shop.send(HttpRequest.newBuilder(URI.create(charges + "?orderRef=" + orderId))
                .timeout(Duration.ofSeconds(10)).GET().build());
        Shop.expect(response, 200);
        int succeeded = 0;
        for (JsonNode charge : Shop.json(response)) {
            if ("succeeded".equals(charge.get("status").asString())) {
                succeeded++;
            }
        }
        return succeeded;
    }
}
