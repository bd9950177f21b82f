package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A bug (an unexpected exception) is exit 3 with one line that does not repeat the exception's message. */
class InternalErrorTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("message that might quote input: hunter2");
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = ConfigCtl.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
        cl.addSubcommand(new Boom());
        return cl.execute(args);
    }

    @Test
    void exitsThreeWithOneLineNamingTheExceptionType() {
        int code = run("boom");

        assertThat(code).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString()).isEqualTo("configctl: internal error (java.lang.IllegalStateException); "
                + "rerun with --debug for details" + System.lineSeparator());
    }

    @Test
    void printsTheStackTraceOnlyWithDebug() {
        int code = run("boom", "--debug");

        assertThat(code).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString()).contains("\tat dev.lamina.config.cli.InternalErrorTest$Boom.call");
    }
}
