package io.shopscale.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@code ./shopscale} the way a user does, on ports and a state directory of the test's own, so the test
 * never collides with a platform the developer has running.
 */
final class PlatformProcess {

    record Result(int exitCode, String output) {
    }

    private final Path home;
    private final Path stateDirectory;
    static final String ADMIN_EMAIL = "admin@shopscale.local";

    static final java.time.Duration PAYMENT_TIMEOUT = java.time.Duration.ofSeconds(30);

    private final Map<String, String> environment = new HashMap<>();

    PlatformProcess(Path home, Path stateDirectory, Map<String, Integer> ports) {
        this.home = home;
        this.stateDirectory = stateDirectory;
        ports.forEach((name, port) -> environment.put("SHOPSCALE_" + name + "_PORT", String.valueOf(port)));
        environment.put("SHOPSCALE_STATE_DIR", stateDirectory.toString());
        environment.put("SHOPSCALE_TOPOLOGY", topology());
        // The build already packaged every jar; the test must not rebuild behind Maven's back.
        environment.put("SHOPSCALE_SKIP_BUILD", "1");
        environment.put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        // A fresh state directory would train start-up caches that this run never reuses; skip that work.
        environment.put("SHOPSCALE_CDS", "off");
        // Payment deadlines pass within the test run, so giving up on an unreachable provider is seen end to end;
        // orders' own expiry follows shortly after, and reservations that no order claimed (a checkout cut short by
        // a crash) return to stock within a minute instead of a quarter of an hour.
        environment.put("SHOPSCALE_ORDER_PAYMENT_TIMEOUT", PAYMENT_TIMEOUT.toSeconds() + "s");
        environment.put("SHOPSCALE_ORDER_EXPIRY_GRACE", "5s");
        environment.put("SHOPSCALE_RESERVATION_TTL", "60s");
        // Payment tries a provider that came back after a few seconds, not ten: the deadlines above are short.
        environment.put("SHOPSCALE_PAYMENT_PROVIDER_OPEN_FOR", "3s");
        // A dead payment instance's claims are taken up once their lease runs out: 30 s instead of 60 s, still more
        // than the longest go at a payment (26 s with these provider timeouts; payment checks it at start).
        environment.put("SHOPSCALE_PAYMENT_CHARGING_LEASE", "30s");
        // An outbox row whose completion a database outage cut off is resubmitted after seconds, not two minutes, so
        // a short drill's drain sees the outboxes empty within its bound.
        environment.put("SPRING_MODULITH_EVENTS_STALENESS_PUBLISHED", "20s");
        environment.put("SPRING_MODULITH_EVENTS_STALENESS_PROCESSING", "20s");
        environment.put("SPRING_MODULITH_EVENTS_STALENESS_RESUBMISSION", "20s");
        environment.put("SPRING_MODULITH_EVENTS_STALENESS_CHECKINTERVALL", "5s");
        // A loaded test machine answers Redis slower than the 250 ms the gateway's limiter allows before failing open.
        environment.put("SHOPSCALE_GATEWAY_REDIS_TIMEOUT", "1s");
        // As if an ingress on this machine stood in front of the gateway: tests tell clients apart by the
        // X-Forwarded-For address it would add.
        environment.put("SHOPSCALE_GATEWAY_TRUSTED_PROXIES", "^127\\.0\\.0\\.1$");
    }

    Result run(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("shopscale").toString());
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(stateDirectory.getParent(), "shopscale-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // The administrator's password is the one up generates into the state directory, as for a first-time user.
        builder.environment().remove("SHOPSCALE_ADMIN_PASSWORD");
        builder.environment().remove("SHOPSCALE_REGISTRY_PASSWORD");
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as("shopscale %s finished within %s; it printed:%n%s", String.join(" ", arguments),
                timeout, printed).isTrue();
        return new Result(process.exitValue(), printed);
    }

    /** The topology the suite runs against: {@code compact} (one JVM, the default) or {@code services}. */
    static String topology() {
        return System.getProperty("shopscale.e2e.topology", "compact");
    }

    /** Where up keeps the administrator's password it generated. */
    Path adminPasswordFile() {
        return stateDirectory.resolve("secrets/admin-password");
    }

    /** Where up keeps the registry's password it generated. */
    Path registryPasswordFile() {
        return stateDirectory.resolve("secrets/registry-password");
    }

    String registryPassword() {
        try {
            return Files.readString(registryPasswordFile(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String adminPassword() {
        try {
            return Files.readString(adminPasswordFile(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path stateDirectory() {
        return stateDirectory;
    }
}
