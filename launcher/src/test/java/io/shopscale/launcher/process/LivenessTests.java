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
    void aProcessThatExitedButWasNotReapedYetIsNotAlive() throws Exception {
        // The shell's child exits after 0.2 s, when the shell has become a sleep that never reaps it: a zombie.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.2 & echo $!; exec sleep 5").start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream()))) {
            long zombie = Long.parseLong(out.readLine().trim());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3))
                    .until(() -> Liveness.isZombie(zombie));

            assertThat(ProcessHandle.of(zombie).map(ProcessHandle::isAlive)).as("still listed").contains(true);
            assertThat(Liveness.isAlive(zombie, "sleep", Instant.now())).isFalse();
        }
        finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void anExitedProcessIsNotAlive() throws IOException, InterruptedException {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();

        assertThat(Liveness.isAlive(finished.pid(), "true", Instant.now())).isFalse();
    }
}
