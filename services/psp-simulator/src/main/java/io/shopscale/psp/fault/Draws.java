package io.shopscale.psp.fault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Numbers in [0, 1) that depend only on a seed, an idempotency key and what they are drawn for. Outcomes drawn this
 * way do not depend on the order or concurrency of requests, so a test with a seed sees the same outcome for the same
 * key every run. SHA-256 rather than {@code String.hashCode}: keys differing in one character must give unrelated
 * numbers.
 */
final class Draws {

    private Draws() {
    }

    static double unit(long seed, String purpose, String key) {
        MessageDigest sha256 = sha256();
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
        sha256.update(purpose.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(key.getBytes(StandardCharsets.UTF_8));
        long bits = ByteBuffer.wrap(sha256.digest()).getLong();
        return (bits >>> 11) * 0x1.0p-53;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
