package io.shopscale.psp.fault;

/** What becomes of one charge request. */
public enum Outcome {
    /** Charged and answered 200. */
    SUCCEEDED,
    /** Not charged, answered 402 with a decline code. */
    DECLINED,
    /** Not charged, answered 500. */
    FAILED,
    /** Charged, but the request is never answered: the client cannot tell whether it was charged. */
    TIMED_OUT
}
