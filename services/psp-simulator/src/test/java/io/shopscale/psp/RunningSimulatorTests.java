package io.shopscale.psp;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The simulator on random ports (charge API and admin API), talked to over real HTTP; the client sends the admin
 * token. Test classes that extend this share one application context; each test leaves the knobs as it found them.
 * The start-up hang differs from the built-in default so that tests can tell a reset (start-up configuration) from a
 * replacement (defaults).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"shopscale.psp.hang=45s", "shopscale.psp.admin.token=" + RunningSimulatorTests.ADMIN_TOKEN})
public abstract class RunningSimulatorTests {

    protected static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdefghijklmnop";

    @LocalServerPort
    protected int chargePort;

    @LocalManagementPort
    protected int adminPort;

    protected PspClient psp;

    @BeforeEach
    void client() {
        psp = new PspClient(chargePort, adminPort, ADMIN_TOKEN);
    }

    @AfterEach
    void resetKnobs() {
        psp.admin("DELETE", "/admin/settings", null);
    }

    /** A fresh order reference (and key), so tests never see each other's charges. */
    protected static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
