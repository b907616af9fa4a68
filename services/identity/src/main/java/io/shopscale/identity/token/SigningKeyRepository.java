package io.shopscale.identity.token;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Token signing keys in the identity schema; the private keys live here and nowhere else. */
@Repository
class SigningKeyRepository {

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
                .query((rs, row) -> new StoredSigningKey(
                        rs.getString("kid"),
                        rs.getBytes("public_key"),
                        rs.getBytes("private_key"),
                        rs.getString("private_key_protection"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getBoolean("active")))
                .list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM signing_key").query(Long.class).single();
    }
}
