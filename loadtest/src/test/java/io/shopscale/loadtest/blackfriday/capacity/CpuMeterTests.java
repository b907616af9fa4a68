package io.shopscale.loadtest.blackfriday.capacity;

import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuMeterTests {

    @Test
    void ticksGoToThePhaseOfTheSecondTheyWereSpentIn() {
        Map<Long, ProcStat> now = new HashMap<>(Map.of(11L, new ProcStat(1000, 5), 12L, new ProcStat(50, 6)));
        CpuMeter meter = new CpuMeter(List.of(new WatchedProcess("gateway-1", 11), new WatchedProcess("stores-1", 12)),
                100, now::get);

        meter.start();
        now.put(11L, new ProcStat(1030, 5));
        now.put(12L, new ProcStat(60, 6));
        meter.second(0, "step-1");
        now.put(11L, new ProcStat(1100, 5));
        meter.second(1, "step-1");
        now.put(11L, new ProcStat(1200, 5));
        now.put(12L, new ProcStat(65, 6));
        meter.second(2, "step-2");

        CpuMeter.Use use = meter.use();
        assertThat(use.ticksPerSecond()).isEqualTo(100);
        assertThat(use.processes().getFirst().ticksByPhase()).containsExactlyInAnyOrderEntriesOf(Map.of("step-1", 100L,
                "step-2", 100L));
        assertThat(use.processes().get(1).ticksByPhase()).containsExactlyInAnyOrderEntriesOf(Map.of("step-1", 10L,
                "step-2", 5L));
        assertThat(use.processes()).allSatisfy(p -> assertThat(p.lostIn()).isNull());
    }

    @Test
    void aProcessThatEndsOrWhosePidIsTakenByAnotherIsLostNotFatal() {
        Map<Long, ProcStat> now = new HashMap<>(Map.of(11L, new ProcStat(1000, 5), 12L, new ProcStat(50, 6)));
        CpuMeter meter = new CpuMeter(List.of(new WatchedProcess("gateway-1", 11), new WatchedProcess("cart-1", 12),
                new WatchedProcess("psp", 13)), 100, pid -> {
                    ProcStat stat = now.get(pid);
                    if (stat == null) {
                        throw new NoSuchFileException("/proc/" + pid + "/stat");
                    }
                    return stat;
                });

        meter.start();
        now.put(11L, new ProcStat(1010, 5));
        now.put(12L, new ProcStat(60, 6));
        meter.second(0, "step-1");
        now.remove(11L);
        // Another process, started later, got cart-1's pid.
        now.put(12L, new ProcStat(3, 900));
        meter.second(1, "step-2");
        meter.second(2, "step-2");

        List<CpuMeter.ProcessUse> processes = meter.use().processes();
        assertThat(processes.getFirst().lostIn()).isEqualTo("step-2");
        assertThat(processes.getFirst().note()).isEqualTo("gone during step-2");
        assertThat(processes.getFirst().ticksByPhase()).containsExactlyEntriesOf(Map.of("step-1", 10L));
        assertThat(processes.get(1).lostIn()).isEqualTo("step-2");
        assertThat(processes.get(1).ticksByPhase()).containsExactlyEntriesOf(Map.of("step-1", 10L));
        assertThat(processes.get(2).missingAtStart()).isTrue();
        assertThat(processes.get(2).note()).isEqualTo("not found at the start");
    }
}
