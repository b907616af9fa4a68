package io.shopscale.launcher.process;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LivenessTests {

    private final ProcessHandle self = ProcessHandle.current();

    @Test
    void aLiveProcessRunningTheRecordedJarIsFound() {
        String somethingOnMyCommandLine = self.info().commandLine().orElseThrow().split(" ")[0];

        assertThat(Liveness.isAlive(self.pid(), somethingOnMyCommandLine, Instant.now())).isTrue();
    }

    @Test
    void aReusedPidRunningSomethingElseIsNotMistakenForTheRecordedProcess() {
        assertThat(Liveness.isAlive(self.pid(), "/repo/services/catalog/target/catalog-exec.jar",
                self.info().startInstant().orElseThrow())).isFalse();
    }

    @Test
    void anExitedProcessIsNotAlive() throws IOException, InterruptedException {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();

        assertThat(Liveness.isAlive(finished.pid(), "true", Instant.now())).isFalse();
    }
}
