package io.shopscale.identity.token;

import io.shopscale.identity.IdentityProperties;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret the private signing keys are encrypted with, and where it came from, which errors name: the secret
 * itself is never shown. It comes from {@code SHOPSCALE_IDENTITY_KEY_SECRET} when that is set ({@code ./shopscale up}
 * sets it), otherwise from the secret file, generated on first start; there is no way to store keys unencrypted.
 */
record KeyEncryptionSecret(String value, String source) {

    static final int MIN_LENGTH = 32;
    static final String VARIABLE = "SHOPSCALE_IDENTITY_KEY_SECRET";
    static final String FILE_VARIABLE = "SHOPSCALE_IDENTITY_KEY_SECRET_FILE";

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionSecret.class);

    KeyEncryptionSecret {
        if (value == null || value.length() < MIN_LENGTH) {
            throw new IllegalStateException("the signing-key encryption secret from " + source + " must be at least "
                    + MIN_LENGTH + " characters (for example: openssl rand -base64 32)");
        }
    }

    static KeyEncryptionSecret resolve(IdentityProperties.Keys keys) {
        if (keys.encryptionSecret() != null && !keys.encryptionSecret().isBlank()) {
            // Used exactly as given: keys stored by earlier versions were encrypted with the variable as it was.
            return new KeyEncryptionSecret(keys.encryptionSecret(),
                    VARIABLE + " (shopscale.identity.keys.encryption-secret)");
        }
        if (keys.encryptionSecretFile() == null || keys.encryptionSecretFile().isBlank()) {
            throw new IllegalStateException("Token signing keys are stored encrypted: set " + VARIABLE + ", or "
                    + FILE_VARIABLE + " (shopscale.identity.keys.encryption-secret-file) to where a generated secret "
                    + "is kept");
        }
        KeyEncryptionSecretFile file = new KeyEncryptionSecretFile(Path.of(keys.encryptionSecretFile()));
        KeyEncryptionSecretFile.Contents contents = file.readOrCreate();
        if (contents.generated()) {
            log.warn("Generated the secret that encrypts the token signing keys into {} (readable by this service's "
                    + "user only). Back it up with the database: the stored keys cannot be used without it. Every "
                    + "identity instance needs the same secret ({} or this file).", file.path(), VARIABLE);
        }
        return new KeyEncryptionSecret(contents.secret(),
                "the file " + file.path() + (contents.generated() ? ", generated at this start" : ""));
    }

    @Override
    public String toString() {
        return "KeyEncryptionSecret[from " + source + "]";
    }
}
