package io.shopscale.launcher.cli;

/** A command that cannot do what was asked; the message says why and what to do, the code tells scripts. */
final class Failure extends RuntimeException {

    private final int exitCode;

    Failure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    Failure(String message) {
        this(message, ExitCodes.FAILURE);
    }

    int exitCode() {
        return exitCode;
    }
}
