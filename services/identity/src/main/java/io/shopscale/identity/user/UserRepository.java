package io.shopscale.identity.user;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in the identity schema. Inserts never overwrite: an existing email makes them report "not inserted". */
@Repository
class UserRepository {

    private static final String COLUMNS = "id, email, name, password_hash, roles, created_at";
    private static final RowMapper<UserAccount> ACCOUNT = UserRepository::map;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the account unless its email is taken; the unique constraint decides, so concurrent inserts are safe. */
    boolean insertIfEmailFree(UserAccount account) {
        return jdbc.sql("""
                        INSERT INTO users (id, email, name, password_hash, roles, created_at)
                        VALUES (:id, :email, :name, :hash, string_to_array(:roles, ','), :createdAt)
                        ON CONFLICT (email) DO NOTHING""")
                .param("id", account.id())
                .param("email", account.email().value())
                .param("name", account.name().value())
                .param("hash", account.passwordHash())
                .param("roles", String.join(",", account.roleNames()))
                .param("createdAt", Timestamp.from(account.createdAt()))
                .update() == 1;
    }

    Optional<UserAccount> findByEmail(EmailAddress email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .param("email", email.value())
                .query(ACCOUNT)
                .optional();
    }

    Optional<UserAccount> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id)
                .query(ACCOUNT)
                .optional();
    }

    long countWithRole(Role role) {
        return jdbc.sql("SELECT count(*) FROM users WHERE :role = ANY (roles)")
                .param("role", role.name())
                .query(Long.class)
                .single();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray("roles");
        List<Role> parsed = Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).toList();
        return new UserAccount(
                rs.getObject("id", UUID.class),
                new EmailAddress(rs.getString("email")),
                new DisplayName(rs.getString("name")),
                rs.getString("password_hash"),
                parsed,
                rs.getTimestamp("created_at").toInstant());
    }
}
