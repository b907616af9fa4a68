package io.shopscale.launcher.state;

/** The state file or its lock could not be used. */
public final class StateException extends RuntimeException {

    StateException(String message, Throwable cause) {
        super(message, cause);
    }

    StateException(String message) {
        super(message);
    }
}
