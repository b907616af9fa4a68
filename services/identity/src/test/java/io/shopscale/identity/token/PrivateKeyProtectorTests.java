package io.shopscale.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrivateKeyProtectorTests {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test-only";
    private static final byte[] KEY = "pretend this is PKCS#8".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsWithAesGcmBoundToTheKeyId() {
        PrivateKeyProtector protector = protector(SECRET);

        byte[] sealed = protector.seal("kid-1", KEY);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("PKCS");
        assertThat(protector.open("kid-1", "aes-256-gcm", sealed)).isEqualTo(KEY);
        assertThat(protector.seal("kid-1", KEY)).isNotEqualTo(sealed);
        assertThatThrownBy(() -> protector.open("kid-2", "aes-256-gcm", sealed))
                .isInstanceOf(WrongKeyEncryptionSecretException.class);
    }

    @Test
    void aKeySealedWithAnotherSecretNamesWhereTheSecretCameFromAndWhatToDoButNeitherSecret() {
        byte[] sealed = protector(SECRET).seal("kid-1", KEY);
        String other = SECRET + "-changed";

        assertThatThrownBy(() -> protector(other).open("kid-1", "aes-256-gcm", sealed))
                .isInstanceOf(WrongKeyEncryptionSecretException.class)
                .hasMessageContaining("kid-1").hasMessageContaining("from the test's secret")
                .hasMessageContaining("SHOPSCALE_IDENTITY_KEY_SECRET")
                .hasMessageContaining("SHOPSCALE_IDENTITY_KEY_SECRET_FILE")
                .hasMessageContaining("delete the rows of identity.signing_key")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aKeyAnEarlierVersionStoredUnencryptedStillOpens() {
        assertThat(protector(SECRET).open("kid-1", "none", KEY)).isEqualTo(KEY);
        assertThatThrownBy(() -> protector(SECRET).open("kid-1", "rot13", KEY))
                .hasMessageContaining("unknown protection");
    }

    @Test
    void refusesAShortSecretWithoutShowingIt() {
        assertThatThrownBy(() -> new KeyEncryptionSecret("too-short", "the test's secret"))
                .hasMessageContaining("at least 32").hasMessageContaining("the test's secret")
                .hasMessageNotContaining("too-short");
        assertThat(new KeyEncryptionSecret(SECRET, "the test's secret").toString()).doesNotContain(SECRET);
    }

    private static PrivateKeyProtector protector(String secret) {
        return new PrivateKeyProtector(new KeyEncryptionSecret(secret, "the test's secret"));
    }
}
