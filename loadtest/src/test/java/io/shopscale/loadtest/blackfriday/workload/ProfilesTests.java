package io.shopscale.loadtest.blackfriday.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProfilesTests {

    @Test
    void theCapacitySearchWarmsUpUnjudgedThenStepsUpTheRate() {
        List<Phase> phases = Profiles.named(Profiles.CAPACITY).phases();

        assertThat(phases.getFirst().name()).doesNotStartWith(Profiles.STEP_PREFIX);
        List<Phase> steps = phases.stream().filter(phase -> phase.name().startsWith(Profiles.STEP_PREFIX)).toList();
        assertThat(steps).hasSize(phases.size() - 1);
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).to()).isGreaterThan(steps.get(i - 1).to());
        }
    }
}
