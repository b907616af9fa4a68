package io.shopscale.stores;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A service that keeps its data in PostgreSQL: the login role it connects as, named after the service
 * ({@code spring.application.name}), and the one schema that role owns (the service's {@code hikari.schema} and
 * {@code flyway.schemas}).
 */
public record SchemaOwner(String role, String schema) {

    // Both end up in SQL as identifiers: plain lower-case names need no quoting and cannot inject anything.
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** Every service with a database. Adding one here gives it a role, a password and its schema. */
    public static final List<SchemaOwner> SERVICES = List.of(
            new SchemaOwner("identity", "identity"),
            new SchemaOwner("catalog", "catalog"),
            new SchemaOwner("inventory", "inventory"),
            new SchemaOwner("orders", "orders"),
            new SchemaOwner("payment", "payments"));

    public SchemaOwner {
        if (!PLAIN_NAME.matcher(role).matches() || !PLAIN_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("role and schema must be plain lower-case names: " + role + ", " + schema);
        }
    }

    public static Optional<SchemaOwner> of(String service) {
        return SERVICES.stream().filter(owner -> owner.role().equals(service)).findFirst();
    }
}
