package io.shopscale.psp;

import static io.shopscale.psp.PspClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The simulator never starts with an admin API that anyone could use, unless told so in as many words. */
class AdminTokenStartupTests {

    @Test
    void withoutATokenTheSimulatorDoesNotStart() {
        assertThatThrownBy(() -> start("shopscale.psp.admin.token="))
                .rootCause().hasMessageContaining("SHOPSCALE_PSP_ADMIN_TOKEN")
                .hasMessageContaining("require-token=false");
    }

    @Test
    void aShortTokenIsRefusedWithoutBeingShown() {
        assertThatThrownBy(() -> start("shopscale.psp.admin.token=guessable-secret"))
                .rootCause().hasMessageContaining("at least 32 characters")
                .hasMessageNotContaining("guessable-secret");
    }

    @Test
    void toldSoTheAdminApiAnswersWithoutAToken() {
        try (ConfigurableApplicationContext simulator = start("shopscale.psp.admin.token=",
                "shopscale.psp.admin.require-token=false")) {
            int adminPort = Integer.parseInt(simulator.getEnvironment().getProperty("local.management.port"));
            PspClient anonymous = new PspClient(0, adminPort, null);

            assertThat(json(anonymous.adminWith(null, "GET", "/admin/settings", null), 200).get("outage").asBoolean())
                    .isFalse();
        }
    }

    /** Command-line arguments, so that they win over application.yml as they would in production. */
    private static ConfigurableApplicationContext start(String... properties) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0"));
        Arrays.stream(properties).map(property -> "--" + property).forEach(arguments::add);
        return new SpringApplicationBuilder(PspSimulatorApplication.class).run(arguments.toArray(String[]::new));
    }
}
