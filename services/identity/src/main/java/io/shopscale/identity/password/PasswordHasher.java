package io.shopscale.identity.password;

import io.shopscale.identity.IdentityProperties;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashing with the OWASP Password Storage Cheat Sheet parameters (m=19456 KiB, t=2, p=1, 16-byte
 * salt, 32-byte hash).
 *
 * <p>Each hash holds 19 MiB while it runs, and on virtual threads nothing else bounds how many run at once: a login
 * burst could exhaust the heap. A semaphore admits a fixed number of hashes at a time; a request that cannot get a
 * slot in time is answered 503 with {@code Retry-After}, which the gateway may retry on another instance.
 */
@Component
public class PasswordHasher {

    public static final int SALT_LENGTH = 16;
    public static final int HASH_LENGTH = 32;
    public static final int PARALLELISM = 1;
    public static final int MEMORY_KIB = 19_456;
    public static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder = owaspArgon2id();
    private final Semaphore slots;
    private final Duration maxWait;
    /** Compared against when the account does not exist, so that costs the same time as a wrong password. */
    private final String dummyHash;

    public PasswordHasher(IdentityProperties properties) {
        this.slots = new Semaphore(properties.hashing().effectiveMaxConcurrent(), true);
        this.maxWait = properties.hashing().maxWait();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.dummyHash = encoder.encode(Base64.getEncoder().encodeToString(random));
    }

    public static Argon2PasswordEncoder owaspArgon2id() {
        return new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, PARALLELISM, MEMORY_KIB, ITERATIONS);
    }

    public String hash(String password) {
        acquire();
        try {
            return encoder.encode(normalise(password));
        } finally {
            slots.release();
        }
    }

    public boolean matches(String password, String hash) {
        acquire();
        try {
            return encoder.matches(normalise(password), hash);
        } finally {
            slots.release();
        }
    }

    /** Does the work of a password check that cannot succeed: for unknown accounts, against timing probes. */
    public void matchNothing(String password) {
        matches(password, dummyHash);
    }

    /**
     * Whether the password is well-formed UTF-16 (no unpaired surrogate): anything else cannot be encoded as UTF-8
     * for hashing and must be refused as bad input before it gets here.
     */
    public static boolean isWellFormed(String password) {
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < password.length()
                    && Character.isLowSurrogate(password.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * NIST SP 800-63B: passwords are NFKC-normalised before hashing, so the same password typed on keyboards that
     * compose characters differently (é as one code point or as e + accent) still matches.
     */
    static String normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    Semaphore slots() {
        return slots;
    }

    private void acquire() {
        try {
            if (!slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new HashingBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException();
        }
    }
}
