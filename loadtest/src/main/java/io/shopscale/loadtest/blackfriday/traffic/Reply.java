package io.shopscale.loadtest.blackfriday.traffic;

/**
 * What one exchange produced: a status with its body and {@code Retry-After}, or a failure without a status
 * ({@code "timeout"}, {@code "io-error"}).
 */
record Reply(int status, String failure, String body, String retryAfter) {

    static Reply failed(String failure) {
        return new Reply(0, failure, "", null);
    }

    /** The outcome as counted: the status code, or the failure's name. */
    String outcome() {
        return failure != null ? failure : Integer.toString(status);
    }

    /** A failure worth sending again with the same key: no answer, a server error, or being told to slow down. */
    boolean worthResending() {
        return failure != null || status >= 500 || status == 429;
    }
}
