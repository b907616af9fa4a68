package io.shopscale.launcher.cli;

/** The exit codes of every command, in one place because scripts and tests depend on them. */
final class ExitCodes {

    static final int OK = 0;

    /** The command could not do its work: a component failed, a port is taken, the platform already runs. */
    static final int FAILURE = 1;

    /** Bad arguments or settings. */
    static final int USAGE = 2;

    /** {@code status}: some instance is down, or nothing runs at all. */
    static final int NOT_RUNNING = 3;

    private ExitCodes() {
    }
}
