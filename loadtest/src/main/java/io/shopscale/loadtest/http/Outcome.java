package io.shopscale.loadtest.http;

/**
 * What one exchange produced: an HTTP status, a timeout, or a transport failure (connection refused,
 * reset, malformed response). Failures carry no status.
 */
public record Outcome(Kind kind, int status) {

    public enum Kind { RESPONSE, TIMEOUT, FAILURE }

    private static final Outcome TIMED_OUT = new Outcome(Kind.TIMEOUT, 0);
    private static final Outcome FAILED = new Outcome(Kind.FAILURE, 0);

    public Outcome {
        if (kind == Kind.RESPONSE && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
    }

    public static Outcome response(int status) {
        return new Outcome(Kind.RESPONSE, status);
    }

    public static Outcome timeout() {
        return TIMED_OUT;
    }

    public static Outcome failure() {
        return FAILED;
    }

    public boolean isResponse() {
        return kind == Kind.RESPONSE;
    }
}
