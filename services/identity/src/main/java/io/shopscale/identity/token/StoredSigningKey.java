package io.shopscale.identity.token;

import java.time.Instant;

/**
 * A signing key as its row holds it.
 *
 * @param publicKey X.509 SubjectPublicKeyInfo, DER
 * @param privateKey PKCS#8 DER, sealed as {@code protection} says
 */
record StoredSigningKey(String kid, byte[] publicKey, byte[] privateKey, String protection, Instant createdAt,
                        boolean active) {

    @Override
    public String toString() {
        return "StoredSigningKey[kid=" + kid + ", protection=" + protection + ", active=" + active + "]";
    }
}
