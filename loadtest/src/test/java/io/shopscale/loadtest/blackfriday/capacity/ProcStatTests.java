package io.shopscale.loadtest.blackfriday.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProcStatTests {

    @Test
    void cpuTicksAreUserPlusSystemTimeAndTheStartTimeIsField22() {
        ProcStat stat = ProcStat.parse("4242 (java) S 1 4242 4242 0 -1 4194560 52301 0 12 0 1530 270 7 3 20 0 48 0 "
                + "98765 5368709120 120000 18446744073709551615 1 1 0 0 0 0 0 2 16800975 0 0 0 17 1 0 0 0 0 0");

        assertThat(stat.cpuTicks()).isEqualTo(1800);
        assertThat(stat.startTime()).isEqualTo(98765);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        ProcStat stat = ProcStat.parse("77 (my (odd) ) name) R 1 77 77 0 -1 0 0 0 0 0 40 2 0 0 20 0 1 0 555 0 0");

        assertThat(stat.cpuTicks()).isEqualTo(42);
        assertThat(stat.startTime()).isEqualTo(555);
    }

    @Test
    void whatIsNotAStatLineIsRefused() {
        assertThatThrownBy(() -> ProcStat.parse("no parentheses here")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStat.parse("1 (x) S 1 2 3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fields");
        assertThatThrownBy(() -> ProcStat.parse("1 (x) S 1 1 1 0 -1 0 0 0 0 0 a b 0 0 20 0 1 0 5 0 0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thisProcessCanBeReadFromProc() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc here");

        ProcStat stat = ProcStat.read(ProcessHandle.current().pid());

        assertThat(stat.cpuTicks()).isPositive();
        assertThat(ProcStat.ticksPerSecond()).isPositive();
    }
}
