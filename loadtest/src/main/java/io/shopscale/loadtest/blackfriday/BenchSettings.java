package io.shopscale.loadtest.blackfriday;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.shopscale.loadtest.blackfriday.capacity.WatchedProcess;
import io.shopscale.loadtest.blackfriday.verdict.Objective;
import io.shopscale.loadtest.blackfriday.workload.Arrivals;
import io.shopscale.loadtest.blackfriday.workload.Profile;
import io.shopscale.loadtest.blackfriday.workload.Profiles;

/**
 * The bench's command line, checked and resolved: the profile with its overrides applied and the objectives merged.
 *
 * @param psp           the payment provider, or null when charge checks are off ({@code --psp none})
 * @param adminPassword null when none was given: the hot SKUs then keep whatever stock they have
 * @param allow5xx      whether a 503 with Retry-After is an answer the scenario intends (a fault drill's outage)
 * @param processes     the platform's processes whose CPU a capacity run divides by the requests answered
 * @param command       the equivalent command line, passwords redacted, for the report
 */
public record BenchSettings(URI gateway, String postgresUrl, String postgresUser, String postgresPassword, URI psp,
        String adminEmail, String adminPassword, Profile profile, long seed, Arrivals.Process arrivals,
        int maxInFlight, Duration timeout, int flashStock, List<String> hotSkus, double resendShare,
        boolean allow5xx, List<Objective> objectives, List<WatchedProcess> processes, Path out, String command) {

    public BenchSettings {
        hotSkus = List.copyOf(hotSkus);
        processes = List.copyOf(processes);
        objectives = List.copyOf(objectives);
        require(isHttp(gateway), "--gateway must be an absolute http:// or https:// URL");
        require(psp == null || isHttp(psp), "--psp must be an absolute http:// or https:// URL, or none");
        require(postgresUrl.startsWith("jdbc:postgresql:"), "--postgres must be a jdbc:postgresql: URL");
        require(maxInFlight >= 1, "--max-in-flight must be at least 1");
        require(timeout.isPositive(), "--timeout must be positive");
        require(profile.drainTimeout() != null && !profile.drainTimeout().isNegative(),
                "--drain-timeout must not be negative");
        require(flashStock >= 0 && flashStock <= 1_000_000, "--flash-stock must be between 0 and 1000000");
        require(hotSkus.stream().allMatch(s -> s.matches("[A-Z0-9]+(-[A-Z0-9]+)*")),
                "--hot-skus must be SKUs such as HKT-00001");
        require(resendShare >= 0 && resendShare <= 1, "--resend-share must be between 0 and 1");
    }

    /** Whether the run steps its rate to find the platform's capacity. */
    public boolean capacityRun() {
        return Profiles.CAPACITY.equals(profile.name());
    }

    private static boolean isHttp(URI uri) {
        return uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
