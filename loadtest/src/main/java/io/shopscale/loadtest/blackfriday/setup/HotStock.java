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
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives the flash sale a known stock: as the administrator, {@code PUT /api/admin/inventory/{sku}} sets each hot
 * SKU's available units, based on the version just read (the update is a compare-and-set; a reservation that moves
 * the SKU in between makes it read and try again). Reserved and sold units stay as they are, which is why the
 * auditor snapshots stock after this and not before.
 */
public final class HotStock {

    private static final int ATTEMPTS = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
            set(admin, sku, available);
        }
    }

    private void set(AccessToken admin, String sku, int available) throws IOException, InterruptedException {
        URI uri = gateway.resolve("/api/admin/inventory/" + sku);
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            HttpResponse<String> current = client.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Authorization", admin.header()).GET().build(), HttpResponse.BodyHandlers.ofString());
            long version = current.statusCode() == 404 ? 0 : JSON.readTree(current.body()).path("version").asLong(0);
            response = client.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Authorization", admin.header())
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"available\":" + available + ",\"version\":" + version + "}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 409) {
                break;
            }
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT /api/admin/inventory/" + sku + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
