package io.shopscale.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ManagementAddressTests {

    @Test
    void aManagementPortOfItsOwnListensOnLoopback() {
        assertThat(processed(Map.of("server.port", "8081", "management.server.port", "9081"))
                .getProperty("management.server.address")).isEqualTo("127.0.0.1");
        assertThat(processed(Map.of("server.port", "0", "management.server.port", "0"))
                .getProperty("management.server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void anAddressSomebodyChoseIsKept() {
        assertThat(processed(Map.of("management.server.port", "9081", "management.server.address", "10.0.0.5"))
                .getProperty("management.server.address")).isEqualTo("10.0.0.5");
    }

    @Test
    void anActuatorOnTheServersOwnPortGetsNoAddressWhichSpringBootWouldRefuse() {
        assertThat(processed(Map.of("server.port", "8081")).containsProperty("management.server.address")).isFalse();
        assertThat(processed(Map.of("server.port", "8081", "management.server.port", "8081"))
                .containsProperty("management.server.address")).isFalse();
        assertThat(processed(Map.of("management.server.port", "-1"))
                .containsProperty("management.server.address")).isFalse();
    }

    private static StandardEnvironment processed(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
