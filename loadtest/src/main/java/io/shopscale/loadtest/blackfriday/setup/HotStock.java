package io.shopscale.loadtest.blackfriday.setup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.shopscale.loadtest.account.AccessToken;
import io.shopscale.loadtest.account.Accounts;

/**
 * Gives the flash sale a known stock: as the administrator, {@code PUT /api/admin/inventory/{sku}} sets each hot
 * SKU's available units. Reserved and sold units stay as they are, which is why the auditor snapshots stock after
 * this and not before.
 */
public final class HotStock {

    private final HttpClient client;
    private final URI gateway;
    private final Duration timeout;
    private final Accounts accounts;

    public HotStock(HttpClient client, URI gateway, Duration timeout, Accounts accounts) {
        this.client = client;
        this.gateway = gateway;
        this.timeout = timeout;
        this.accounts = accounts;
    }

    public void reset(String adminEmail, String adminPassword, List<String> skus, int available)
            throws IOException, InterruptedException {
        AccessToken admin = accounts.login(adminEmail, adminPassword);
        for (String sku : skus) {
            HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/admin/inventory/" + sku))
                    .timeout(timeout)
                    .header("Authorization", admin.header())
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"available\":" + available + "}"))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("PUT /api/admin/inventory/" + sku + " answered "
                        + response.statusCode() + ": " + response.body());
            }
        }
    }
}
