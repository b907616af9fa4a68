package io.shopscale.loadtest.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.shopscale.loadtest.report.Numbers;
import io.shopscale.loadtest.run.LoadModel;

/** Rebuilds a copy-pasteable command line from settings, so a report says exactly how to repeat it. */
public final class CommandText {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private CommandText() {
    }

    static String of(Settings s) {
        List<String> args = new ArrayList<>(List.of("java", "-jar", "loadtest-exec.jar"));
        s.targets().forEach(t -> add(args, "--target", t.toString()));
        if (!s.ids().isEmpty()) {
            add(args, "--ids", String.join(",", s.ids()));
        }
        if (s.idsFrom() != null) {
            add(args, "--ids-from", s.idsFrom().toString());
        }
        switch (s.model()) {
            case LoadModel.Closed closed -> add(args, "--concurrency", Integer.toString(closed.concurrency()));
            case LoadModel.Open open -> {
                add(args, "--rate", Numbers.trim(open.rate()));
                add(args, "--max-in-flight", Integer.toString(open.maxInFlight()));
            }
        }
        add(args, "--duration", DurationText.format(s.duration()));
        add(args, "--rounds", Integer.toString(s.rounds()));
        add(args, "--warmup", DurationText.format(s.warmup()));
        add(args, "--seed", Long.toString(s.seed()));
        add(args, "--timeout", DurationText.format(s.timeout()));
        add(args, "--expect-status", s.expected().toString());
        s.headers().forEach(h -> add(args, "--header", h.shown()));
        s.targetHeaders().forEach(h -> add(args, "--target-header", h.shown()));
        add(args, "--client", s.client().name().toLowerCase(Locale.ROOT));
        if (s.maxErrorRate() != null) {
            add(args, "--max-error-rate", Numbers.trim(s.maxErrorRate()));
        }
        return String.join(" ", args.stream().map(CommandText::quote).toList());
    }

    private static void add(List<String> args, String option, String value) {
        args.add(option);
        args.add(value);
    }

    public static String quote(String arg) {
        return PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
