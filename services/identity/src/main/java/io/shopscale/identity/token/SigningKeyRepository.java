package io.shopscale.identity.token;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Token signing keys in the identity schema; the private keys live here and nowhere else. */
@Repository
class SigningKeyRepository {

    private static final RowMapper<StoredSigningKey> ROW = (rs, row) -> new StoredSigningKey(
            rs.getString("kid"),
            rs.getBytes("public_key"),
            rs.getBytes("private_key"),
            rs.getString("private_key_protection"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getBoolean("active"));

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the key as the active one unless some key is active already. The partial unique index on active keys
     * makes this safe when several instances start on an empty table at once: exactly one insert wins.
     */
    boolean insertIfNoneActive(StoredSigningKey key) {
        return jdbc.sql("""
                        INSERT INTO signing_key (kid, algorithm, public_key, private_key, private_key_protection,
                                                 created_at, active)
                        VALUES (:kid, 'RS256', :publicKey, :privateKey, :protection, :createdAt, true)
                        ON CONFLICT DO NOTHING""")
                .param("kid", key.kid())
                .param("publicKey", key.publicKey())
                .param("privateKey", key.privateKey())
                .param("protection", key.protection())
                .param("createdAt", Timestamp.from(key.createdAt()))
                .update() == 1;
    }

    /** Every key not yet retired, the active one first. */
    List<StoredSigningKey> findPublished() {
        return jdbc.sql("""
                        SELECT kid, public_key, private_key, private_key_protection, created_at, active
                        FROM signing_key WHERE retired_at IS NULL
                        ORDER BY active DESC, created_at DESC""")
                .query(ROW)
                .list();
    }

    /**
     * Every key an earlier version stored unencrypted, retired ones too, locked until the surrounding transaction
     * ends: an instance that starts meanwhile waits, then finds them encrypted and skips them.
     */
    List<StoredSigningKey> lockUnencrypted() {
        return jdbc.sql("""
                        SELECT kid, public_key, private_key, private_key_protection, created_at, active
                        FROM signing_key WHERE private_key_protection = :none
                        ORDER BY kid FOR UPDATE""")
                .param("none", PrivateKeyProtector.NONE)
                .query(ROW)
                .list();
    }

    /** Every encrypted key not yet retired: those whose private key may still be needed. */
    List<StoredSigningKey> findEncryptedInUse() {
        return jdbc.sql("""
                        SELECT kid, public_key, private_key, private_key_protection, created_at, active
                        FROM signing_key WHERE private_key_protection <> :none AND retired_at IS NULL
                        ORDER BY kid""")
                .param("none", PrivateKeyProtector.NONE)
                .query(ROW)
                .list();
    }

    /** Replaces an unencrypted private key with its encrypted form; a key encrypted already stays as it is. */
    boolean replaceUnencrypted(String kid, byte[] sealedPrivateKey, String protection) {
        return jdbc.sql("""
                        UPDATE signing_key SET private_key = :privateKey, private_key_protection = :protection
                        WHERE kid = :kid AND private_key_protection = :none""")
                .param("privateKey", sealedPrivateKey)
                .param("protection", protection)
                .param("kid", kid)
                .param("none", PrivateKeyProtector.NONE)
                .update() == 1;
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM signing_key").query(Long.class).single();
    }
}
