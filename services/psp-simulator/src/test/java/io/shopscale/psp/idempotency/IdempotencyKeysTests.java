package io.shopscale.psp.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTests {

    private static final StoredResponse OK = new StoredResponse(200, "application/json", "{\"id\":\"ch_1\"}");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = now::get;

    @Test
    void aKeyIsStartedOnceThenInFlightThenReplayed() {
        IdempotencyKeys keys = new IdempotencyKeys(Duration.ofHours(24), 10, clock);

        assertThat(keys.claim("k", "params")).isInstanceOf(Claim.Started.class);
        assertThat(keys.claim("k", "params")).isInstanceOf(Claim.InFlight.class);
        keys.complete("k", OK);

        assertThat(keys.claim("k", "params")).isEqualTo(new Claim.Replay(OK));
        assertThat(keys.claim("k", "other params")).isInstanceOf(Claim.Reused.class);
    }

    @Test
    void aKeyIsForgottenAfterItsRetention() {
        IdempotencyKeys keys = new IdempotencyKeys(Duration.ofHours(24), 10, clock);
        keys.claim("k", "params");
        keys.complete("k", OK);

        now.set(now.get().plus(Duration.ofHours(24)).plusSeconds(1));

        assertThat(keys.claim("k", "other params")).isInstanceOf(Claim.Started.class);
    }

    @Test
    void beyondTheCapTheOldestKeysAreForgotten() {
        IdempotencyKeys keys = new IdempotencyKeys(Duration.ofHours(24), 3, clock);
        for (int i = 0; i < 5; i++) {
            keys.claim("k" + i, "params");
            keys.complete("k" + i, OK);
        }

        assertThat(keys.size()).isLessThanOrEqualTo(3);
        assertThat(keys.claim("k4", "params")).isInstanceOf(Claim.Replay.class);
        assertThat(keys.claim("k0", "params")).isInstanceOf(Claim.Started.class);
    }

    @Test
    void aReleasedKeyCanStartAgainButACompletedOneStays() {
        IdempotencyKeys keys = new IdempotencyKeys(Duration.ofHours(24), 10, clock);
        keys.claim("in-flight", "params");
        keys.claim("done", "params");
        keys.complete("done", OK);

        keys.release("in-flight");
        keys.release("done");

        assertThat(keys.claim("in-flight", "params")).isInstanceOf(Claim.Started.class);
        assertThat(keys.claim("done", "params")).isInstanceOf(Claim.Replay.class);
    }
}
