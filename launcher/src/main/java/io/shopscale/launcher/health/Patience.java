package io.shopscale.launcher.health;

import java.time.Duration;

/**
 * How long a start is waited for. A slow machine makes instances slow, not silent: as long as one writes to its log
 * or uses processor time it is given more time, up to {@code cap}. It fails once it made no progress for
 * {@code stallWindow}, which is what a hung process looks like.
 *
 * @param minCpu the processor time that counts as progress; a process that merely idles uses less
 */
public record Patience(Duration stallWindow, Duration cap, Duration minCpu) {

    public static final Duration DEFAULT_STALL_WINDOW = Duration.ofSeconds(60);

    public static final Duration DEFAULT_CAP = Duration.ofMinutes(15);

    public static final Duration DEFAULT_MIN_CPU = Duration.ofMillis(500);

    public Patience {
        if (stallWindow.isNegative() || stallWindow.isZero()) {
            throw new IllegalArgumentException("the stall window must be positive");
        }
        // A window longer than the cap would never end in a stall.
        cap = cap.compareTo(stallWindow) < 0 ? stallWindow : cap;
    }

    /** The default cap and processor time around a given stall window. */
    public static Patience stallingAfter(Duration stallWindow) {
        return new Patience(stallWindow, DEFAULT_CAP, DEFAULT_MIN_CPU);
    }
}
