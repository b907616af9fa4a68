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
 * Seals private signing keys before they are stored: AES-256-GCM under a key derived from the
 * {@link KeyEncryptionSecret}, with the key id as associated data, so a database dump alone cannot mint tokens and a
 * sealed key cannot be moved to another row.
 */
@Component
class PrivateKeyProtector {

    /** How an earlier version stored keys without a secret; such rows are encrypted at start. */
    static final String NONE = "none";
    static final String AES_GCM = "aes-256-gcm";

    private static final Logger log = LoggerFactory.getLogger(PrivateKeyProtector.class);
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] DERIVATION_LABEL =
            "shopscale-identity/signing-key-encryption/v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKey key;
    private final String secretSource;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    PrivateKeyProtector(IdentityProperties properties) {
        this(KeyEncryptionSecret.resolve(properties.keys()));
        log.info("Token signing keys are stored encrypted with the secret from {}.", secretSource);
    }

    PrivateKeyProtector(KeyEncryptionSecret secret) {
        this.key = derive(secret.value());
        this.secretSource = secret.source();
    }

    byte[] seal(String kid, byte[] privateKey) {
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

    /**
     * @throws WrongKeyEncryptionSecretException when the key was sealed with another secret: the key is then unusable
     *         until identity is given that secret again
     */
    byte[] open(String kid, String protection, byte[] stored) {
        if (NONE.equals(protection)) {
            return stored.clone();
        }
        if (!AES_GCM.equals(protection)) {
            throw new IllegalStateException("signing key " + kid + " uses unknown protection " + protection);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_LENGTH));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(Arrays.copyOfRange(stored, IV_LENGTH, stored.length));
        } catch (GeneralSecurityException e) {
            throw new WrongKeyEncryptionSecretException(kid, secretSource, e);
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
