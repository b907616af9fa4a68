package io.shopscale.launcher.drill;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Runs a fault along a load that another process sends: waits for the load to start (its started file), lets it run
 * alone for the lead, injects the fault, keeps it for the outage, heals it, and tells the load to go on for the tail
 * after healing. Every step is written to the timeline file the load reads. Whatever goes wrong, a fault that was
 * injected is healed: when the load ends early, when a step fails, and (through {@link #healIfInjected()}, from a
 * shutdown hook) when the drill is interrupted.
 */
public final class Drill {

    private static final Duration POLL = Duration.ofMillis(100);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.S'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Fault fault;

    private final DrillPlan plan;

    private final TimelineFile timeline;

    private final Path startedFile;

    private final PrintWriter out;

    private Instant injectedAt;

    private Instant healedAt;

    private String failure;

    public Drill(Fault fault, DrillPlan plan, Path timelineFile, Path startedFile, PrintWriter out) {
        this.fault = fault;
        this.plan = plan;
        this.timeline = new TimelineFile(timelineFile);
        this.startedFile = startedFile;
        this.out = out;
    }

    /**
     * @param loadRunning whether the load still runs; when it stops, the drill stops too (healing first)
     * @param startTimeout how long the load may take to start (it registers its shoppers first)
     */
    public Outcome run(BooleanSupplier loadRunning, Duration startTimeout) throws InterruptedException {
        Instant loadStart = awaitStart(loadRunning, startTimeout);
        if (loadStart == null) {
            return outcome(null);
        }
        say("the load started at %s; %s in %s", time(loadStart), fault.name(), seconds(plan.lead()));
        if (!sleepUntil(loadStart.plus(plan.lead()), loadRunning)) {
            say("the load ended before the fault was due");
            return outcome(loadStart);
        }
        say("injecting %s: %s", fault.name(), fault.what());
        Instant inEffect;
        synchronized (this) {
            // The fault window opens as the injection begins: a server being stopped already refuses work.
            injectedAt = Instant.now();
        }
        try {
            fault.inject();
            inEffect = Instant.now();
            write(null);
            say("%s in effect at %s (injecting took %s); healing in %s", fault.name(), time(inEffect),
                    seconds(Duration.between(injectedAt, inEffect)), seconds(plan.outage()));
        }
        catch (Exception ex) {
            failure = "injecting " + fault.name() + " failed: " + reason(ex);
            say("%s", failure);
            heal();
            return outcome(loadStart);
        }
        // The outage counts from when the fault is fully in effect, so the platform lives with all of it that long.
        if (!sleepUntil(inEffect.plus(plan.outage()), loadRunning)) {
            say("the load ended during the fault; healing now");
        }
        heal();
        return outcome(loadStart);
    }

    /** Heals the fault if it was injected and is not healed yet; for a drill that is interrupted. */
    public void healIfInjected() {
        boolean pending;
        synchronized (this) {
            pending = injectedAt != null && healedAt == null;
        }
        if (pending) {
            say("interrupted: healing %s", fault.name());
            heal();
        }
    }

    private synchronized void heal() {
        if (healedAt != null) {
            return;
        }
        say("healing %s", fault.name());
        Instant began = Instant.now();
        try {
            fault.heal();
        }
        catch (Exception ex) {
            String healing = "healing " + fault.name() + " failed: " + reason(ex);
            failure = failure == null ? healing : failure + "; " + healing;
            say("%s", healing);
        }
        healedAt = Instant.now();
        Instant loadEndsAt = failure == null ? healedAt.plus(plan.tail()) : healedAt;
        try {
            write(loadEndsAt);
        }
        catch (IOException ex) {
            say("cannot write the timeline: %s", ex.getMessage());
        }
        if (failure == null) {
            say("%s healed at %s (healing took %s); the fault lasted %s; load goes on until %s", fault.name(),
                    time(healedAt), seconds(Duration.between(began, healedAt)),
                    seconds(Duration.between(injectedAt, healedAt)), time(loadEndsAt));
        }
    }

    private void write(Instant loadEndsAt) throws IOException {
        timeline.write(fault, injectedAt, healedAt, loadEndsAt, failure);
    }

    private Instant awaitStart(BooleanSupplier loadRunning, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (loadRunning.getAsBoolean()) {
            try {
                return Instant.parse(Files.readString(startedFile).strip());
            }
            catch (NoSuchFileException notYet) {
                // still setting up
            }
            catch (IOException | DateTimeParseException ex) {
                failure = "cannot read when the load started: " + ex.getMessage();
                return null;
            }
            if (System.nanoTime() - deadline > 0) {
                failure = "the load did not start within " + seconds(timeout);
                return null;
            }
            Thread.sleep(POLL);
        }
        return null;
    }

    /** Waits until {@code until}; false when the load stopped first. */
    private static boolean sleepUntil(Instant until, BooleanSupplier loadRunning) throws InterruptedException {
        while (true) {
            if (!loadRunning.getAsBoolean()) {
                return false;
            }
            Duration left = Duration.between(Instant.now(), until);
            if (!left.isPositive()) {
                return true;
            }
            Thread.sleep(left.compareTo(POLL) < 0 ? left : POLL);
        }
    }

    private synchronized Outcome outcome(Instant loadStart) {
        return new Outcome(loadStart, injectedAt, healedAt, failure);
    }

    private void say(String format, Object... args) {
        synchronized (out) {
            out.println("drill: " + String.format(Locale.ROOT, format, args));
            out.flush();
        }
    }

    private static String reason(Exception ex) {
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /**
     * @param loadStartedAt null when the load never started
     * @param injectedAt    null when the fault was never injected
     * @param failure       what went wrong, or null
     */
    public record Outcome(Instant loadStartedAt, Instant injectedAt, Instant healedAt, String failure) {

        public boolean clean() {
            return loadStartedAt != null && injectedAt != null && healedAt != null && failure == null;
        }
    }
}
