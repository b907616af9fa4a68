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
        PrivateKeyProtector protector = new PrivateKeyProtector(SECRET);

        byte[] sealed = protector.seal("kid-1", KEY);

        assertThat(protector.protection()).isEqualTo("aes-256-gcm");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("PKCS");
        assertThat(protector.open("kid-1", "aes-256-gcm", sealed)).isEqualTo(KEY);
        assertThat(protector.seal("kid-1", KEY)).isNotEqualTo(sealed);
        assertThatThrownBy(() -> protector.open("kid-2", "aes-256-gcm", sealed))
                .hasMessageContaining("cannot be decrypted");
        assertThatThrownBy(() -> new PrivateKeyProtector(SECRET + "x").open("kid-1", "aes-256-gcm", sealed))
                .hasMessageContaining("cannot be decrypted");
    }

    @Test
    void withoutASecretKeysAreStoredAsTheyAre() {
        PrivateKeyProtector protector = new PrivateKeyProtector((String) null);

        assertThat(protector.protection()).isEqualTo("none");
        assertThat(protector.seal("kid-1", KEY)).isEqualTo(KEY);
        assertThatThrownBy(() -> protector.open("kid-1", "aes-256-gcm", KEY))
                .hasMessageContaining("SHOPSCALE_IDENTITY_KEY_SECRET");
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new PrivateKeyProtector("too-short")).hasMessageContaining("at least 32");
    }
}
