package io.shopscale.orders.checkout;

/** A service checkout depends on did not answer in time, or its circuit is open: try again shortly. */
public class CollaboratorUnavailableException extends RuntimeException {

    private final String collaborator;

    public CollaboratorUnavailableException(String collaborator, String message, Throwable cause) {
        super(message, cause);
        this.collaborator = collaborator;
    }

    public String collaborator() {
        return collaborator;
    }
}
