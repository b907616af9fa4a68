package io.shopscale.loadtest.blackfriday.capacity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopscale.loadtest.blackfriday.traffic.EverySecond;

/**
 * The platform's processes' CPU time, read from {@code /proc/PID/stat} beside each second's sample and added to the
 * phase that second belonged to. A process that cannot be read any more (it ended, or its pid now names a process
 * that started later) is marked lost from that second on; the others go on being read. Never throws: a run does not
 * stop over a process it only watches.
 */
public final class CpuMeter implements EverySecond {

    private final long ticksPerSecond;
    private final Stats stats;
    private final List<Watch> watches;

    public CpuMeter(List<WatchedProcess> processes, long ticksPerSecond, Stats stats) {
        this.ticksPerSecond = ticksPerSecond;
        this.stats = stats;
        this.watches = processes.stream().map(Watch::new).toList();
    }

    /** Reads the real {@code /proc}, with the machine's clock tick. */
    public static CpuMeter of(List<WatchedProcess> processes) {
        return new CpuMeter(processes, ProcStat.ticksPerSecond(), ProcStat::read);
    }

    @Override
    public synchronized void start() {
        for (Watch watch : watches) {
            ProcStat stat = read(watch.process.pid());
            if (stat == null) {
                watch.lost = "not found at the start";
            }
            else {
                watch.first = stat;
                watch.last = stat;
            }
        }
    }

    @Override
    public synchronized void second(int second, String phase) {
        for (Watch watch : watches) {
            if (watch.lost != null) {
                continue;
            }
            ProcStat stat = read(watch.process.pid());
            boolean same = stat != null && stat.startTime() == watch.first.startTime()
                    && stat.cpuTicks() >= watch.last.cpuTicks();
            if (!same) {
                watch.lost = "gone during " + phase;
                watch.lostIn = phase;
                continue;
            }
            watch.ticksByPhase.merge(phase, stat.cpuTicks() - watch.last.cpuTicks(), Long::sum);
            watch.last = stat;
        }
    }

    /** What was measured so far. */
    public synchronized Use use() {
        List<ProcessUse> processes = new ArrayList<>();
        for (Watch watch : watches) {
            processes.add(new ProcessUse(watch.process.name(), watch.process.pid(), new LinkedHashMap<>(
                    watch.ticksByPhase), watch.first == null, watch.lostIn, watch.lost));
        }
        return new Use(ticksPerSecond, processes);
    }

    private ProcStat read(long pid) {
        try {
            return stats.read(pid);
        }
        catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    /** Where a process's {@link ProcStat} comes from: {@code /proc}, or a test's stand-in. */
    @FunctionalInterface
    public interface Stats {

        ProcStat read(long pid) throws IOException;
    }

    /** Every watched process's CPU ticks per phase. */
    public record Use(long ticksPerSecond, List<ProcessUse> processes) {

        public Use {
            processes = List.copyOf(processes);
        }
    }

    /**
     * One process: CPU ticks per phase while it could be read; {@code missingAtStart} when it could not be read at
     * all; {@code lostIn} the phase in which it stopped being readable (null while it was); {@code note} why.
     */
    public record ProcessUse(String name, long pid, Map<String, Long> ticksByPhase, boolean missingAtStart,
            String lostIn, String note) {

        public ProcessUse {
            ticksByPhase = Map.copyOf(ticksByPhase);
        }
    }

    private static final class Watch {

        private final WatchedProcess process;
        private final Map<String, Long> ticksByPhase = new LinkedHashMap<>();
        private ProcStat first;
        private ProcStat last;
        private String lost;
        private String lostIn;

        Watch(WatchedProcess process) {
            this.process = process;
        }
    }
}
