package io.shopscale.loadtest.blackfriday.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A process's CPU time as Linux's {@code /proc/PID/stat} tells it: user plus system time in clock ticks, and when the
 * process started (in ticks since boot), which tells a process from a later one that got its pid.
 *
 * @param cpuTicks  utime + stime (fields 14 and 15); children that were waited for are not included
 * @param startTime starttime (field 22)
 */
public record ProcStat(long cpuTicks, long startTime) {

    /** Clock ticks per second when {@code getconf CLK_TCK} cannot say: 100 on every common Linux. */
    static final long USUAL_TICKS_PER_SECOND = 100;

    /**
     * Parses one {@code /proc/PID/stat} line. The second field, the command name in parentheses, may itself contain
     * spaces and parentheses, so the fields are counted from the last ')'.
     */
    public static ProcStat parse(String line) {
        int end = line.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: no command name in parentheses");
        }
        String[] fields = line.substring(end + 1).trim().split("\\s+");
        // fields[0] is field 3 (state): field n is fields[n - 3].
        if (fields.length < 20) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + fields.length + " fields after the "
                    + "command name");
        }
        try {
            return new ProcStat(Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long.parseLong(fields[19]));
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + ex.getMessage());
        }
    }

    /** Reads {@code /proc/PID/stat}; fails when there is no such process (or no /proc). */
    public static ProcStat read(long pid) throws IOException {
        return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** Clock ticks per second, asked of {@code getconf CLK_TCK} once; 100 when it cannot answer. */
    public static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor(2, TimeUnit.SECONDS) && getconf.exitValue() == 0 && answer.matches("[1-9][0-9]{0,5}")) {
                return Long.parseLong(answer);
            }
        }
        catch (IOException ex) {
            // No getconf: the usual value below.
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return USUAL_TICKS_PER_SECOND;
    }
}
