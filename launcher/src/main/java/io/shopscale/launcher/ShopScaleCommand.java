package io.shopscale.launcher;

import io.shopscale.launcher.cli.Cli;
import io.shopscale.launcher.platform.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shopscale}: starts, stops, scales and inspects the ShopScale platform on one machine. */
@Command(name = "shopscale", mixinStandardHelpOptions = true, versionProvider = ShopScaleCommand.Version.class,
        description = "Run the ShopScale platform on this machine, each component as its own process.",
        footer = {"", "Environment:",
                "  SHOPSCALE_STATE_DIR          data, logs and run state (default <repo>/.shopscale)",
                "  SHOPSCALE_<COMPONENT>_PORT   e.g. SHOPSCALE_GATEWAY_PORT, SHOPSCALE_POSTGRES_PORT",
                "  SHOPSCALE_POSTGRES_URL, SHOPSCALE_REDIS_URL, SHOPSCALE_KAFKA_BOOTSTRAP   use external stores",
                "  SHOPSCALE_JAVA_OPTS, SHOPSCALE_<COMPONENT>_JAVA_OPTS   extra JVM options",
                "  SHOPSCALE_CDS=off            no class-data sharing archives"})
public final class ShopScaleCommand implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Cli.create(new ShopScaleCommand(), System.getenv(), System.getProperties()).execute(args));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "a command is missing: up, down, status, logs, scale, psp, bench or drill");
    }

    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {"shopscale " + Settings.platformVersion(), "java " + Runtime.version()};
        }
    }
}
