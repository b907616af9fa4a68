package io.shopscale.loadtest.blackfriday.workload;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * When shoppers' requests arrive, in seconds from the start, whatever happened to earlier ones (the open model).
 * {@link Process#POISSON} has independent, exponentially distributed gaps, as independent shoppers do;
 * {@link Process#UNIFORM} spaces them evenly, which makes runs easier to compare.
 */
public final class Arrivals {

    public enum Process {
        POISSON, UNIFORM;

        public static Process parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("'" + text + "' is not an arrival process; use poisson or uniform");
            }
        }
    }

    private final RateCurve curve;
    private final Process process;
    private final SplittableRandom random;
    private double lambda;
    private boolean first = true;

    public Arrivals(RateCurve curve, Process process, SplittableRandom random) {
        this.curve = curve;
        this.process = process;
        this.random = random;
    }

    /** Seconds from the start of the next arrival, never earlier than the previous one; -1 once the profile ends. */
    public double next() {
        if (process == Process.UNIFORM) {
            lambda += first ? 0 : 1;
        }
        else {
            // 1 - U lies in (0, 1], so the logarithm is finite.
            lambda += -Math.log(1 - random.nextDouble());
        }
        first = false;
        return curve.timeAt(lambda);
    }
}
