package io.shopscale.identity;

import io.shopscale.testsupport.OwnDatabaseRole;
import io.shopscale.testsupport.RealStoresTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The service migrates and runs as its own database role, which reaches no other service's schema. */
@RealStoresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = IdentityClient.ADMIN_PASSWORD_PROPERTY)
class DatabaseRoleIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void migratesAndWorksAsItsOwnDatabaseRole() throws Exception {
        OwnDatabaseRole.assertUsedBy(dataSource, "identity");
    }
}
