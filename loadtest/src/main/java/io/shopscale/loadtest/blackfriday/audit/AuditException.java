package io.shopscale.loadtest.blackfriday.audit;

/** The ground truth could not be read: the verdict cannot be given. */
public class AuditException extends Exception {

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
