package io.shopscale.launcher.platform;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopologyTests {

    @Test
    void compactUnlessTheOptionOrTheEnvironmentSaysOtherwise() {
        assertThat(Topology.choose(null, settings(Map.of()))).isEqualTo(Topology.COMPACT);
        assertThat(Topology.choose(null, settings(Map.of(Topology.VARIABLE, "services")))).isEqualTo(Topology.SERVICES);
        assertThat(Topology.choose("compact", settings(Map.of(Topology.VARIABLE, "services"))))
                .isEqualTo(Topology.COMPACT);
    }

    @Test
    void anUnknownTopologyIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Topology.choose("monolith", settings(Map.of())))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("compact, services");
    }

    private static Settings settings(Map<String, String> environment) {
        return new Settings(environment, Path.of("/repo"), Path.of("/state"), Path.of("/java"), "1");
    }
}
