package io.shopscale.loadtest.blackfriday.traffic;

/** Measurements with answers recorded as the shop records them, for tests outside this package. */
public final class RecordedAnswers {

    private final Measurements measurements = new Measurements();

    /** An answer with a status, and the Retry-After it carried (null: none). */
    public RecordedAnswers answer(Endpoint endpoint, int status, String retryAfter, int times) {
        for (int i = 0; i < times; i++) {
            measurements.record(endpoint, new Reply(status, null, "", retryAfter), 1_000_000);
        }
        return this;
    }

    public RecordedAnswers timeout(Endpoint endpoint) {
        measurements.record(endpoint, Reply.failed("timeout"), 1_000_000);
        return this;
    }

    public Measurements measurements() {
        return measurements;
    }
}
