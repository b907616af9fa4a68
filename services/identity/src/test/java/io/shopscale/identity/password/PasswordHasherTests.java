package io.shopscale.identity.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopscale.identity.TestProperties;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTests {

    private final PasswordHasher hasher = new PasswordHasher(TestProperties.defaults());

    @Test
    void hashesWithArgon2idAndTheOwaspParameters() {
        String hash = hasher.hash("plum-orbit-Cascade-93");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        String[] parts = hash.split("\\$");
        assertThat(parts).hasSize(6);
        assertThat(Base64.getDecoder().decode(pad(parts[4]))).hasSize(16);
        assertThat(Base64.getDecoder().decode(pad(parts[5]))).hasSize(32);
    }

    @Test
    void saltsEveryHashAndVerifiesOnlyTheRightPassword() {
        String first = hasher.hash("plum-orbit-Cascade-93");
        String second = hasher.hash("plum-orbit-Cascade-93");

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.matches("plum-orbit-Cascade-93", first)).isTrue();
        assertThat(hasher.matches("plum-orbit-Cascade-94", first)).isFalse();
    }

    @Test
    void differentlyComposedPasswordsMatch() {
        String composed = hasher.hash("caf\u00E9-orbit-Cascade-93");

        assertThat(hasher.matches("cafe\u0301-orbit-Cascade-93", composed)).isTrue();
    }

    @Test
    void unpairedSurrogatesAreNotWellFormed() {
        assertThat(PasswordHasher.isWellFormed("plum-orbit-\uD83C\uDF35")).isTrue();
        assertThat(PasswordHasher.isWellFormed("plum-orbit-\uD83C")).isFalse();
        assertThat(PasswordHasher.isWellFormed("\uDF35plum-orbit")).isFalse();
        assertThat(PasswordHasher.isWellFormed("plum\u0000orbit")).isTrue();
    }

    @Test
    void whenEveryHashingSlotIsBusyTheCallerIsToldToComeBack() throws InterruptedException {
        PasswordHasher oneSlot = new PasswordHasher(
                TestProperties.withHashing(TestProperties.defaults(), 1, Duration.ofMillis(50)));
        oneSlot.slots().acquire();
        try {
            assertThatThrownBy(() -> oneSlot.hash("plum-orbit-Cascade-93"))
                    .isInstanceOfSatisfying(HashingBusyException.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(503);
                        assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                    });
        } finally {
            oneSlot.slots().release();
        }
        assertThat(oneSlot.matches("plum-orbit-Cascade-93", oneSlot.hash("plum-orbit-Cascade-93"))).isTrue();
    }

    private static String pad(String base64) {
        return base64 + "=".repeat((4 - base64.length() % 4) % 4);
    }
}
