package io.shopscale.loadtest.bench;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.shopscale.loadtest.LoadTestCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class SubcommandTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine command = LoadTestCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void subcommandsRunWithoutTheTopLevelTarget() {
        assertThat(execute("checkout", "--help")).isZero();
        assertThat(out.toString()).contains("--rate=R", "--max-in-flight=N", "--users=N");
        assertThat(execute("reserve", "--help")).isZero();
        assertThat(out.toString()).contains("--concurrency=C", "--sku=SKU");
    }

    @Test
    void topLevelStillNeedsATarget() {
        assertThat(execute("--ids=x", "--concurrency=1")).isEqualTo(2);
        assertThat(err.toString()).contains("--target");
    }

    @Test
    void badSubcommandArgumentsAreRefused() {
        assertThat(execute("reserve", "--concurrency=0", "--grpc=127.0.0.1:9")).isEqualTo(2);
        assertThat(err.toString()).contains("--concurrency must be at least 1");
    }
}
