package io.shopscale.launcher.cli;

import io.shopscale.launcher.platform.InvalidSettingException;
import io.shopscale.launcher.process.Supervisor;
import io.shopscale.launcher.state.StateException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** Wires the commands under a root command and turns failures into one clear line and an exit code. */
public final class Cli {

    /** How long a process gets between SIGTERM and SIGKILL. */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private Cli() {
    }

    public static CommandLine create(Object root, Map<String, String> environment, Properties system) {
        return create(root, new Context(environment, system, new Supervisor(), STOP_GRACE));
    }

    static CommandLine create(Object root, Context context) {
        var commandLine = new CommandLine(root)
                .addSubcommand(new UpCommand(context))
                .addSubcommand(new DownCommand(context))
                .addSubcommand(new StatusCommand(context))
                .addSubcommand(new LogsCommand(context))
                .addSubcommand(new ScaleCommand(context))
                .addSubcommand(new PspCommand(context))
                .addSubcommand(DltCommand.commandLine(context))
                .addSubcommand(new BenchCommand(context))
                .addSubcommand(new DrillCommand(context));
        commandLine.setExecutionExceptionHandler(executionFailures());
        commandLine.setParameterExceptionHandler(usageErrors());
        return commandLine;
    }

    private static IExecutionExceptionHandler executionFailures() {
        return (ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            int exitCode = switch (ex) {
                case Failure failure -> {
                    err.println((failure.exitCode() == ExitCodes.USAGE ? "shopscale: " : "") + failure.getMessage());
                    yield failure.exitCode();
                }
                case InvalidSettingException invalid -> {
                    err.println("shopscale: " + invalid.getMessage());
                    yield ExitCodes.USAGE;
                }
                case StateException state -> {
                    err.println("shopscale: " + state.getMessage());
                    yield ExitCodes.FAILURE;
                }
                default -> {
                    err.println("shopscale: unexpected error: " + ex);
                    ex.printStackTrace(err);
                    yield ExitCodes.FAILURE;
                }
            };
            err.flush();
            return exitCode;
        };
    }

    private static IParameterExceptionHandler usageErrors() {
        return (ex, args) -> {
            CommandLine commandLine = ex.getCommandLine();
            PrintWriter err = commandLine.getErr();
            err.println("shopscale: " + ex.getMessage());
            UnmatchedArgumentException.printSuggestions(ex, err);
            err.printf("Run '%s --help' for usage.%n", commandLine.getCommandSpec().qualifiedName());
            err.flush();
            return ExitCodes.USAGE;
        };
    }
}
