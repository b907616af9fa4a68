package io.shopscale.launcher.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --state-dir} and {@code --help}, shared by every command. */
final class CommonOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where data, logs and run state live (default: $SHOPSCALE_STATE_DIR, else <repo>/.shopscale).")
    Path stateDir;
}
