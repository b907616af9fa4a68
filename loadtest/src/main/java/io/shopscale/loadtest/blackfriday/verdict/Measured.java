package io.shopscale.loadtest.blackfriday.verdict;

/** The run's numbers as the objectives read them. */
public interface Measured {

    /** Milliseconds at {@code percentile} (100 for the maximum) of an endpoint's measured answers. */
    Reading latencyMillis(String endpoint, double percentile);

    /** Milliseconds from the 202 to the final status as the owners' polls saw it, at {@code percentile}. */
    Reading orderFinalMillis(double percentile);

    /** Errors (dropped requests included) over all requests the run meant to send. */
    double errorRate();

    /** Answers with a 5xx status. */
    long serverErrors();

    /** A value, or why there is none (then the objective is missed: nothing was shown to meet it). */
    record Reading(Double value, String note) {

        public static Reading of(double value) {
            return new Reading(value, null);
        }

        public static Reading none(String note) {
            return new Reading(null, note);
        }
    }
}
