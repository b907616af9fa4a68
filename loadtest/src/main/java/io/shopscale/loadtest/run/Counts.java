package io.shopscale.loadtest.run;

/**
 * Request counts of one phase, or the sum of several. {@code unexpected} counts responses whose status
 * was not expected; {@code late} and {@code dropped} only occur in the open model.
 */
public record Counts(long informational, long success, long redirection, long clientError, long serverError,
        long timeouts, long failures, long unexpected, long late, long dropped) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Every request that finished, whatever the outcome. */
    public long completed() {
        return responses() + timeouts + failures;
    }

    public long responses() {
        return informational + success + redirection + clientError + serverError;
    }

    public long errors() {
        return unexpected + timeouts + failures;
    }

    /**
     * Failed share of everything the schedule asked for: a request the generator had to drop because the
     * target could not keep up is a failure too.
     */
    public double errorRate() {
        long attempted = completed() + dropped;
        return attempted == 0 ? 0 : (double) (errors() + dropped) / attempted;
    }

    public Counts plus(Counts other) {
        return new Counts(informational + other.informational, success + other.success,
                redirection + other.redirection, clientError + other.clientError, serverError + other.serverError,
                timeouts + other.timeouts, failures + other.failures, unexpected + other.unexpected,
                late + other.late, dropped + other.dropped);
    }
}
