package io.shopscale.payment;

import io.shopscale.testsupport.OwnDatabaseRole;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The service migrates and runs as its own database role, which reaches no other service's schema. */
class DatabaseRoleSystemTests extends PaymentSystemTestSupport {

    @Autowired
    DataSource dataSource;

    @Test
    void migratesAndWorksAsItsOwnDatabaseRole() throws Exception {
        OwnDatabaseRole.assertUsedBy(dataSource, "payment");
    }
}
