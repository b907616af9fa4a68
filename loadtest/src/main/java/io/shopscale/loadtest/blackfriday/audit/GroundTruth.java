package io.shopscale.loadtest.blackfriday.audit;

/** The stores the platform keeps its state in, read directly: what happened, as opposed to what clients were told. */
public interface GroundTruth {

    /** Every SKU's stock now, with the clock that starts a run's window. */
    Baseline baseline() throws AuditException;

    /** Everything the audit judges about the run, read at one moment so that no row contradicts another. */
    StoreReading read(RunScope scope) throws AuditException;

    /** What the run still has in motion; the audit waits until it is nothing. */
    Pending pending(RunScope scope) throws AuditException;
}
