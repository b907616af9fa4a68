package io.shopscale.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopscale.stores.SchemaOwner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks that a service's application context works as the service's own database role, as on the platform: its
 * connections log in as the role, Flyway migrated as the role (so the role owns every table), and another service's
 * schema is out of reach.
 */
public final class OwnDatabaseRole {

    private static final String PERMISSION_DENIED = "42501";

    private OwnDatabaseRole() {
    }

    public static void assertUsedBy(DataSource dataSource, String service) throws SQLException {
        Assumptions.assumeTrue(SharedStores.get().postgres().embedded(),
                "roles are provisioned on the embedded server only");
        SchemaOwner owner = SchemaOwner.of(service).orElseThrow();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(strings(connection, "SELECT current_user")).containsExactly(owner.role());
            assertThat(strings(connection, "SELECT DISTINCT installed_by FROM " + owner.schema()
                    + ".flyway_schema_history")).as("who ran the migrations").containsExactly(owner.role());
            assertThat(strings(connection, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = '"
                    + owner.schema() + "'")).as("who owns the tables").containsExactly(owner.role());
            for (SchemaOwner other : SchemaOwner.SERVICES) {
                if (!other.equals(owner)) {
                    assertThatThrownBy(() -> strings(connection, "SELECT 1 FROM " + other.schema()
                            + ".flyway_schema_history"))
                            .as(owner.role() + " reading " + other.schema())
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(PERMISSION_DENIED));
                }
            }
        }
    }

    private static List<String> strings(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
