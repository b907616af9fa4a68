package io.shopscale.psp.idempotency;

/** What an idempotency key allows a request to do. */
public sealed interface Claim {

    /** The key is new: this request is the one that processes it. */
    record Started() implements Claim {
    }

    /** The key's first request finished: send its response again. */
    record Replay(StoredResponse response) implements Claim {
    }

    /** The key's first request is still being processed; the client may retry shortly. */
    record InFlight() implements Claim {
    }

    /** The key was first used with other parameters: a client bug, never retried successfully. */
    record Reused() implements Claim {
    }
}
