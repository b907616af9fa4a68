package io.shopscale.loadtest.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shopscale.loadtest.http.Client;
import io.shopscale.loadtest.run.ExpectedStatus;
import io.shopscale.loadtest.run.LoadModel;

/**
 * The command line, checked as a whole. Every rule that spans options lives here so that a bad combination
 * is refused before anything is fetched or measured.
 */
public record Settings(List<TargetSpec> targets, List<String> ids, URI idsFrom, long seed, Duration duration,
        int rounds, Duration warmup, LoadModel model, Duration timeout, List<Header> headers,
        List<TargetHeader> targetHeaders, ExpectedStatus expected, Double maxErrorRate, Client client, boolean markdown, Path json) {

    static final int DEFAULT_MAX_IN_FLIGHT = 512;

    public Settings {
        targets = List.copyOf(targets);
        ids = ids == null ? List.of() : List.copyOf(ids);
        headers = headers == null ? List.of() : List.copyOf(headers);
        targetHeaders = targetHeaders == null ? List.of() : List.copyOf(targetHeaders);
        client = client == null ? Client.SOCKET : client;
        require(!targets.isEmpty(), "give at least one --target NAME=URL");
        Set<String> names = new HashSet<>();
        for (TargetSpec target : targets) {
            require(names.add(target.name()), "target name '" + target.name() + "' is used twice");
        }
        for (TargetHeader header : targetHeaders) {
            require(names.contains(header.target()), "--target-header names '" + header.target()
                    + "', which is not a --target");
        }
        require(duration.isPositive(), "--duration must be positive");
        require(rounds >= 1, "--rounds must be at least 1");
        require(!warmup.isNegative(), "--warmup must not be negative");
        require(timeout.isPositive(), "--timeout must be positive");
        require(ids.isEmpty() || idsFrom == null, "give either --ids or --ids-from, not both");
        require(ids.stream().noneMatch(String::isBlank), "--ids contains an empty id");
        boolean needsIds = targets.stream().anyMatch(t -> t.url().hasId());
        boolean hasIds = !ids.isEmpty() || idsFrom != null;
        require(!needsIds || hasIds, "a --target URL contains {id}: give --ids a,b,c or --ids-from URL");
        require(needsIds || !hasIds, "ids were given but no --target URL contains {id}");
        if (idsFrom != null) {
            String scheme = idsFrom.getScheme();
            require(("http".equals(scheme) || "https".equals(scheme)) && idsFrom.getHost() != null,
                    "--ids-from must be an absolute http:// or https:// URL");
        }
    }

    /** Picks the load model from the mutually exclusive options; null ones were not given. */
    public static LoadModel model(Integer concurrency, Double rate, Integer maxInFlight) {
        require(concurrency != null || rate != null,
                "choose a load model: --concurrency N (closed) or --rate R (open, requests/s)");
        require(concurrency == null || rate == null, "--concurrency and --rate are different load models; give one");
        require(maxInFlight == null || rate != null, "--max-in-flight only applies to the open model (--rate)");
        return concurrency != null ? new LoadModel.Closed(concurrency)
                : new LoadModel.Open(rate, maxInFlight == null ? DEFAULT_MAX_IN_FLIGHT : maxInFlight);
    }

    public Map<String, String> headerMap() {
        Map<String, String> map = new LinkedHashMap<>();
        headers.forEach(h -> map.put(h.name(), h.value()));
        return map;
    }

    /** The headers one target is sent: the common ones, then its own, which win on a clash. */
    public Map<String, String> headerMap(String target) {
        Map<String, String> map = headerMap();
        targetHeaders.stream().filter(h -> h.target().equals(target))
                .forEach(h -> map.put(h.header().name(), h.header().value()));
        return map;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
