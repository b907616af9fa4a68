package io.shopscale.loadtest.run;

import java.util.List;

import io.shopscale.loadtest.http.Transport.PreparedRequest;

/** A named endpoint with one prepared request per id (or a single one when the URL has no id). */
public record Target(String name, String urlTemplate, List<PreparedRequest> requests) {

    public Target {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("target " + name + " has no requests");
        }
        requests = List.copyOf(requests);
    }
}
