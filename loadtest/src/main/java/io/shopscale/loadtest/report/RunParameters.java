package io.shopscale.loadtest.report;

import java.util.List;

/**
 * The settings a reader needs to repeat a run. {@code command} is the equivalent command line, with the
 * values of credential-like headers redacted.
 */
public record RunParameters(String model, Integer concurrency, Double rate, Integer maxInFlight, String duration,
        int rounds, String warmup, String order, long seed, String timeout, int ids, String idsSource,
        List<String> headers, String expectStatus, Double maxErrorRate, String client, String command) {

    public boolean open() {
        return rate != null;
    }

    /** e.g. "closed model, 32 workers" or "open model, 500 req/s (max 512 in flight)". */
    public String describeModel() {
        return open()
                ? "open model, %s req/s (max %d in flight)".formatted(Numbers.trim(rate), maxInFlight)
                : "closed model, %d workers".formatted(concurrency);
    }
}
