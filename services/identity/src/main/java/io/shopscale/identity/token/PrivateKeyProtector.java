package io.shopscale.identity.token;

import io.shopscale.identity.IdentityProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Seals private signing keys before they are stored. With {@code shopscale.identity.keys.encryption-secret} set
 * (from the environment, never the repository), a key is encrypted with AES-256-GCM under a key derived from that
 * secret, with the key id as associated data, so a database dump alone cannot mint tokens and a sealed key cannot be
 * moved to another row. Without it keys are stored as they are, protected only by the database's access control.
 */
@Component
class PrivateKeyProtector {

    static final String NONE = "none";
    static final String AES_GCM = "aes-256-gcm";
    static final int MIN_SECRET_LENGTH = 32;

    private static final Logger log = LoggerFactory.getLogger(PrivateKeyProtector.class);
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] DERIVATION_LABEL =
            "shopscale-identity/signing-key-encryption/v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    PrivateKeyProtector(IdentityProperties properties) {
        this(properties.keys().encryptionSecret());
        if (key == null) {
            log.warn("shopscale.identity.keys.encryption-secret (SHOPSCALE_IDENTITY_KEY_SECRET) is not set: token "
                    + "signing keys are stored unencrypted in the identity schema.");
        }
    }

    PrivateKeyProtector(String secret) {
        if (secret == null || secret.isBlank()) {
            this.key = null;
            return;
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("shopscale.identity.keys.encryption-secret must be at least "
                    + MIN_SECRET_LENGTH + " characters (for example: openssl rand -base64 32)");
        }
        this.key = derive(secret);
    }

    String protection() {
        return key == null ? NONE : AES_GCM;
    }

    byte[] seal(String kid, byte[] privateKey) {
        if (key == null) {
            return privateKey.clone();
        }
        try {
            byte[] iv = new byte[IV_LENGTH];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(privateKey);
            return ByteBuffer.allocate(IV_LENGTH + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt signing key " + kid, e);
        }
    }

    byte[] open(String kid, String protection, byte[] stored) {
        if (NONE.equals(protection)) {
            return stored.clone();
        }
        if (!AES_GCM.equals(protection)) {
            throw new IllegalStateException("signing key " + kid + " uses unknown protection " + protection);
        }
        if (key == null) {
            throw new IllegalStateException("signing key " + kid + " is encrypted, but "
                    + "shopscale.identity.keys.encryption-secret (SHOPSCALE_IDENTITY_KEY_SECRET) is not set");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_LENGTH));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(Arrays.copyOfRange(stored, IV_LENGTH, stored.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + kid + " cannot be decrypted with the configured "
                    + "shopscale.identity.keys.encryption-secret", e);
        }
    }

    /** HKDF-Extract (RFC 5869) with a fixed label as salt: the secret is expected to be random already. */
    private static SecretKey derive(String secret) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(DERIVATION_LABEL, "HmacSHA256"));
            return new SecretKeySpec(hmac.doFinal(secret.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the signing-key encryption key", e);
        }
    }
}
