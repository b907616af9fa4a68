package io.shopscale.loadtest.blackfriday.capacity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process of the platform whose CPU time a capacity run divides by the requests answered: {@code --process
 * NAME=PID}, e.g. {@code gateway-1=12345}.
 */
public record WatchedProcess(String name, long pid) {

    private static final Pattern SPEC = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]{0,63})=([1-9][0-9]{0,9})");

    public WatchedProcess {
        if (name == null || !SPEC.matcher(name + "=1").matches() || pid < 1) {
            throw new IllegalArgumentException("a watched process needs a name and a positive pid");
        }
    }

    /** Reads {@code NAME=PID}; throws {@link IllegalArgumentException} saying what is expected. */
    public static WatchedProcess parse(String text) {
        Matcher matcher = SPEC.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--process takes NAME=PID (a name of letters, digits, '.', '_' or "
                    + "'-', and a positive process id), e.g. gateway-1=12345; not '" + text + "'");
        }
        return new WatchedProcess(matcher.group(1), Long.parseLong(matcher.group(2)));
    }

    /** Parses every one, refusing a name or a pid given twice (its CPU would be counted twice). */
    public static List<WatchedProcess> parseAll(List<String> texts) {
        List<WatchedProcess> processes = texts.stream().map(WatchedProcess::parse).toList();
        Set<String> names = new HashSet<>();
        Set<Long> pids = new HashSet<>();
        for (WatchedProcess process : processes) {
            if (!names.add(process.name())) {
                throw new IllegalArgumentException("--process names " + process.name() + " twice");
            }
            if (!pids.add(process.pid())) {
                throw new IllegalArgumentException("--process gives pid " + process.pid() + " twice; a process that "
                        + "hosts several components is given once");
            }
        }
        return processes;
    }
}
