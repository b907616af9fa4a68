package io.shopscale.loadtest.reserve;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a service's gRPC server listens, read from the registry's JSON for one application
 * ({@code GET /eureka/apps/NAME} with {@code Accept: application/json}): the first instance that is UP and
 * publishes the port in its metadata. The HTTP port in the same document is the wrong one.
 */
record GrpcEndpoint(String host, int port) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static GrpcEndpoint fromEureka(String json, String metadataKey) {
        JsonNode instances = JSON.readTree(json).path("application").path("instance");
        // One instance may be rendered as an object rather than a one-element array.
        List<JsonNode> all = new ArrayList<>();
        if (instances.isArray()) {
            instances.forEach(all::add);
        }
        else if (instances.isObject()) {
            all.add(instances);
        }
        for (JsonNode instance : all) {
            String port = instance.path("metadata").path(metadataKey).asString("");
            String host = instance.path("ipAddr").asString(instance.path("hostName").asString(""));
            if ("UP".equals(instance.path("status").asString("")) && port.matches("\\d{1,5}") && !host.isEmpty()) {
                return new GrpcEndpoint(host, Integer.parseInt(port));
            }
        }
        throw new IllegalStateException("no instance that is UP publishes metadata '" + metadataKey + "'");
    }

    /** {@code host:port}, as given on the command line. */
    static GrpcEndpoint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || !text.substring(colon + 1).matches("\\d{1,5}")) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT");
        }
        return new GrpcEndpoint(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
