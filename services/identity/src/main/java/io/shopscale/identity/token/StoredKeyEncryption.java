package io.shopscale.identity.token;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Brings the stored keys in line with the secret before the key ring loads them: keys an earlier version stored
 * unencrypted are encrypted in place, so an upgraded database keeps no plaintext key, and every encrypted key still
 * in use must open with the secret given, so a wrong or changed secret stops the start. All in one transaction that
 * holds the unencrypted rows locked: instances starting together encrypt each key once, and a wrong secret encrypts
 * nothing.
 */
@Component
class StoredKeyEncryption {

    private static final Logger log = LoggerFactory.getLogger(StoredKeyEncryption.class);

    private final SigningKeyRepository repository;
    private final PrivateKeyProtector protector;
    private final TransactionOperations transactions;

    StoredKeyEncryption(SigningKeyRepository repository, PrivateKeyProtector protector,
            TransactionOperations transactions) {
        this.repository = repository;
        this.protector = protector;
        this.transactions = transactions;
    }

    /**
     * @return how many keys this call encrypted
     * @throws WrongKeyEncryptionSecretException when a stored key was encrypted with another secret
     */
    int encryptUnencryptedKeys() {
        int encrypted = transactions.execute(status -> {
            List<StoredSigningKey> unencrypted = repository.lockUnencrypted();
            // Read after the lock is granted, so keys another instance encrypted meanwhile are checked too.
            for (StoredSigningKey key : repository.findEncryptedInUse()) {
                protector.open(key.kid(), key.protection(), key.privateKey());
            }
            int count = 0;
            for (StoredSigningKey key : unencrypted) {
                if (repository.replaceUnencrypted(key.kid(), protector.seal(key.kid(), key.privateKey()),
                        PrivateKeyProtector.AES_GCM)) {
                    count++;
                }
            }
            return count;
        });
        if (encrypted > 0) {
            log.info("Encrypted {} token signing key(s) stored unencrypted by an earlier version.", encrypted);
        }
        return encrypted;
    }
}
