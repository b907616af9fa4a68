package io.shopscale.loadtest.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import io.shopscale.loadtest.LoadTestCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ArgumentValidationTests {

    // Port 9 (discard) is closed on test machines, so nothing here can reach a server by accident.
    private static final String TARGET = "--target=a=http://127.0.0.1:9/api/products/{id}";

    private final StringWriter err = new StringWriter();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            --ids=x                                    | choose a load model
            --ids=x --concurrency=2 --rate=10          | different load models
            --ids=x --concurrency=0                    | --concurrency must be at least 1
            --ids=x --rate=-5                          | --rate must be a positive number
            --ids=x --concurrency=2 --max-in-flight=9  | --max-in-flight only applies to the open model
            --concurrency=2                            | contains {id}: give --ids
            --ids=x --ids-from=http://h/ --rate=5      | either --ids or --ids-from
            --ids=x --concurrency=2 --duration=10      | '10' is not a duration
            --ids=x --concurrency=2 --duration=0s      | --duration must be positive
            --ids=x --concurrency=2 --rounds=0         | --rounds must be at least 1
            --ids=x --concurrency=2 --max-error-rate=2  | is not an error rate
            --ids=x --concurrency=2 --expect-status=ok | 'ok' is not a status
            --ids=x --concurrency=2 --header=NoColon   | is not Name:Value
            --ids=x --concurrency=2 --client=curl      | Invalid value for option '--client'
            --ids=x --concurrency=2 --target=a=http://h/ | target name 'a' is used twice
            --ids=x --concurrency=2 --target=b=/relative | not an absolute http:// or https:// URL
            --ids=x --concurrency=2 --bogus            | Unknown option: '--bogus'
            --ids=x --concurrency=2 --target=s=https://127.0.0.1:9/x | plain http only; use --client jdk
            """)
    void badArgumentsExitWithTwoAndSayWhy(String args, String message) {
        List<String> argv = new ArrayList<>(List.of(TARGET));
        argv.addAll(List.of(args.trim().split("\\s+")));

        int exit = execute(argv.toArray(String[]::new));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(message).contains("Try 'loadtest --help'");
    }

    @Test
    void idsWithoutAPlaceholderAreAMistake() {
        int exit = execute("--target=a=http://127.0.0.1:9/health", "--ids=x", "--concurrency=1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no --target URL contains {id}");
    }

    @Test
    void anUnreachableIdSourceIsABadArgument() {
        int exit = execute(TARGET, "--ids-from=http://127.0.0.1:9/api/products", "--concurrency=1",
                "--timeout=2s");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("GET http://127.0.0.1:9/api/products failed");
    }

    @Test
    void helpExitsWithZero() {
        StringWriter out = new StringWriter();
        var commandLine = LoadTestCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));

        assertThat(commandLine.execute("--help")).isZero();
        assertThat(out.toString()).contains("--target=NAME=URL", "--rate=R", "Exit codes:");
    }

    private int execute(String... args) {
        var commandLine = LoadTestCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        return commandLine.execute(args);
    }
}
