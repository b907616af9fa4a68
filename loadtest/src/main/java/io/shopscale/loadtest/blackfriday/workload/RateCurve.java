package io.shopscale.loadtest.blackfriday.workload;

import java.util.List;

/**
 * A profile's arrival rate over time: piecewise linear, one piece per phase. Arrivals are placed by inverting the
 * expected count {@code Λ(t) = ∫ rate}: arrival {@code i} of a fixed-interval process falls where
 * {@code Λ = i}, and a Poisson process is the same with exponential gaps in {@code Λ}. Either way every phase gets
 * its share exactly in expectation, ramps included.
 */
public final class RateCurve {

    private final List<Phase> phases;
    private final double baseRate;
    private final double[] starts;
    private final double[] expectedBefore;

    public RateCurve(Profile profile) {
        this.phases = profile.phases();
        this.baseRate = profile.baseRate();
        int n = phases.size();
        this.starts = new double[n + 1];
        this.expectedBefore = new double[n + 1];
        for (int i = 0; i < n; i++) {
            Phase phase = phases.get(i);
            starts[i + 1] = starts[i] + phase.seconds();
            expectedBefore[i + 1] = expectedBefore[i] + baseRate * (phase.from() + phase.to()) / 2 * phase.seconds();
        }
    }

    public double totalSeconds() {
        return starts[phases.size()];
    }

    /** Arrivals per second at {@code seconds} from the start; 0 outside the profile. */
    public double rateAt(double seconds) {
        int i = indexAt(seconds);
        if (i < 0) {
            return 0;
        }
        Phase phase = phases.get(i);
        double f = (seconds - starts[i]) / phase.seconds();
        return baseRate * (phase.from() + (phase.to() - phase.from()) * f);
    }

    /** Expected arrivals in the first {@code seconds}. */
    public double expected(double seconds) {
        if (seconds <= 0) {
            return 0;
        }
        if (seconds >= totalSeconds()) {
            return expectedBefore[phases.size()];
        }
        int i = indexAt(seconds);
        double t = seconds - starts[i];
        double a = baseRate * phases.get(i).from();
        double b = slope(i);
        return expectedBefore[i] + a * t + b * t * t / 2;
    }

    /** The time at which {@link #expected} reaches {@code lambda}, or -1 past the end of the profile. */
    public double timeAt(double lambda) {
        if (lambda < 0 || lambda >= expectedBefore[phases.size()]) {
            return -1;
        }
        int i = 0;
        while (expectedBefore[i + 1] <= lambda) {
            i++;
        }
        double rest = lambda - expectedBefore[i];
        double a = baseRate * phases.get(i).from();
        double b = slope(i);
        // Root of b/2·t² + a·t − rest = 0, in the form that stays exact for b = 0 and stable for b < 0.
        double t = 2 * rest / (a + Math.sqrt(Math.max(0, a * a + 2 * b * rest)));
        return Math.min(starts[i] + t, starts[i + 1]);
    }

    /** The phase in force at {@code seconds}; the last one from its end onwards. */
    public Phase phaseAt(double seconds) {
        int i = indexAt(seconds);
        return phases.get(i < 0 ? (seconds < 0 ? 0 : phases.size() - 1) : i);
    }

    /** When each phase starts, in seconds from the start. */
    public double startOf(int phase) {
        return starts[phase];
    }

    public List<Phase> phases() {
        return phases;
    }

    private double slope(int i) {
        Phase phase = phases.get(i);
        return baseRate * (phase.to() - phase.from()) / phase.seconds();
    }

    private int indexAt(double seconds) {
        if (seconds < 0 || seconds >= totalSeconds()) {
            return -1;
        }
        int i = 0;
        while (starts[i + 1] <= seconds) {
            i++;
        }
        return i;
    }
}
