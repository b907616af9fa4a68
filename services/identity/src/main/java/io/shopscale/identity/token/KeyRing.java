package io.shopscale.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.shopscale.identity.IdentityProperties;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The token signing keys every instance shares. The first instance to start on an empty database generates an RSA
 * key pair and stores it, the private key encrypted; every other instance (and every restart) loads it from there. A
 * stored key that does not open with this instance's secret stops the start: a new key would invalidate every token
 * issued. The keys are re-read every {@code refresh-interval}, so a rotation done in the database reaches every
 * instance without a restart.
 */
@Component
public class KeyRing implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

    private final SigningKeyRepository repository;
    private final PrivateKeyProtector protector;
    private final StoredKeyEncryption storedKeys;
    private final int keySize;
    private final Duration refreshInterval;
    private final Clock clock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Snapshot snapshot;

    KeyRing(SigningKeyRepository repository, PrivateKeyProtector protector, StoredKeyEncryption storedKeys,
            IdentityProperties properties, Clock clock) {
        this.repository = repository;
        this.protector = protector;
        this.storedKeys = storedKeys;
        this.keySize = properties.keys().rsaKeySize();
        this.refreshInterval = properties.keys().refreshInterval();
        this.clock = clock;
    }

    /**
     * Encrypts what an earlier version left unencrypted, then loads (or creates) the keys before the service takes
     * traffic, so the first login pays nothing extra and a wrong secret is found at start.
     */
    @Override
    public void afterSingletonsInstantiated() {
        storedKeys.encryptUnencryptedKeys();
        current();
    }

    /** The active key, private part included: new tokens are signed with it. */
    public RSAKey signingKey() {
        return current().signingKey();
    }

    /** The public halves of every key not yet retired, for the JWKS and for verifying tokens. */
    public JWKSet publicKeys() {
        return current().publicKeys();
    }

    private Snapshot current() {
        Snapshot loaded = snapshot;
        if (loaded != null && clock.instant().isBefore(loaded.loadedAt().plus(refreshInterval))) {
            return loaded;
        }
        // A lock, not synchronized: on JDK 21 a virtual thread blocked in JDBC inside synchronized pins its carrier.
        refreshing.lock();
        try {
            if (snapshot != loaded) {
                return snapshot;
            }
            try {
                snapshot = load();
            } catch (RuntimeException e) {
                if (loaded == null) {
                    throw e;
                }
                // Serving with the keys already known beats failing every login while the database hiccups.
                log.warn("could not refresh the signing keys, keeping the loaded ones: {}", e.getMessage());
                snapshot = new Snapshot(loaded.signingKey(), loaded.publicKeys(), clock.instant());
            }
            return snapshot;
        } finally {
            refreshing.unlock();
        }
    }

    private Snapshot load() {
        List<StoredSigningKey> stored = repository.findPublished();
        if (stored.stream().noneMatch(StoredSigningKey::active)) {
            StoredSigningKey created = generate();
            if (repository.insertIfNoneActive(created)) {
                log.info("generated token signing key {} ({} bits, private key encrypted with {})",
                        created.kid(), keySize, created.protection());
            }
            stored = repository.findPublished();
        }
        StoredSigningKey active = stored.stream().filter(StoredSigningKey::active).findFirst()
                .orElseThrow(() -> new IllegalStateException("no active signing key after creating one"));
        List<JWK> published = stored.stream().map(key -> (JWK) toJwk(key, false)).toList();
        return new Snapshot(toJwk(active, true), new JWKSet(published), clock.instant());
    }

    private StoredSigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(keySize);
            KeyPair pair = generator.generateKeyPair();
            // The RFC 7638 thumbprint names the key: stable, unique, and derived from nothing secret.
            String kid = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().computeThumbprint().toString();
            return new StoredSigningKey(kid, pair.getPublic().getEncoded(),
                    protector.seal(kid, pair.getPrivate().getEncoded()), PrivateKeyProtector.AES_GCM, clock.instant(),
                    true);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private RSAKey toJwk(StoredSigningKey key, boolean withPrivateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAKey.Builder jwk = new RSAKey.Builder(
                    (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(key.publicKey())))
                    .keyID(key.kid())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256);
            if (withPrivateKey) {
                byte[] pkcs8 = protector.open(key.kid(), key.protection(), key.privateKey());
                jwk.privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
            }
            return jwk.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + key.kid() + " cannot be read", e);
        }
    }

    private record Snapshot(RSAKey signingKey, JWKSet publicKeys, Instant loadedAt) {
    }
}
