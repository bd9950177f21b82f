package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/** What a new user meets first: usage errors, help text, explain wording and JSON style. */
class CliHabitsTest {

    @Test
    void aUsageErrorIsOneLineAndAPointerToHelpNotTheWholeHelp() {
        CliRun run = CliRun.of("get", "--dir", CliRun.exampleConfig().toString(), "--env", "staging");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("configctl get: Missing required parameter: 'PATH'\n"
                + "Try 'configctl get --help' for more information.\n");
    }

    @Test
    void anUnknownOptionIsNamedWithAPointerToHelp() {
        CliRun run = CliRun.of("render", "--dri", "x");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("configctl render: Unknown option").contains("'--dri'")
                .contains("Try 'configctl render --help'").doesNotContain("Usage:");
    }

    @Test
    void anOptionGivenOnceIsNotShownAsRepeatableAndASecondOneIsRefused() {
        CliRun help = CliRun.of("get", "--help");
        assertThat(help.out()).contains("[--env=ENV]").doesNotContain("[--env=ENV]...");

        CliRun twice = CliRun.of("get", "--dir", CliRun.exampleConfig().toString(), "--env", "staging", "--env",
                "production", "service.name");
        assertThat(twice.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(twice.err()).contains("'--env' (ENV) should be specified only once");
    }

    @Test
    void diffStillTakesTwoEnvironments() {
        CliRun run = CliRun.of("diff", "--dir", CliRun.exampleConfig().toString(), "--env", "staging", "--env",
                "production");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("service.max_workers: 16");
    }

    @Test
    void flagsEvalHelpDescribesOnlyOptionsItHas() {
        CliRun help = CliRun.of("flags", "eval", "--help");

        assertThat(help.out()).doesNotContain("--format");
    }

    static Stream<CommandLine> everyCommand() {
        List<CommandLine> all = new ArrayList<>();
        collect(ConfigCtl.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), all);
        return all.stream();
    }

    private static void collect(CommandLine cl, List<CommandLine> into) {
        into.add(cl);
        cl.getSubcommands().values().forEach(c -> collect(c, into));
    }

    /**
     * Every word of every option and parameter description stands whole on one line of the help: picocli's own
     * wrapping broke {@code server.port} after the dot.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void helpNeverWrapsInsideAWord(CommandLine command) {
        String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
        List<String> lines = usage.lines().map(String::strip).toList();
        List<ArgSpec> args = new ArrayList<>(command.getCommandSpec().options());
        args.addAll(command.getCommandSpec().positionalParameters());
        for (ArgSpec arg : args) {
            for (String word : String.join(" ", arg.renderedDescription()).split("\\s+")) {
                if (word.isEmpty() || word.length() > 40) {
                    continue;
                }
                assertThat(lines.stream().anyMatch(l -> containsWord(l, word)))
                        .as("'%s' of %s stands whole on one line of:%n%s", word, arg, usage).isTrue();
            }
        }
    }

    private static boolean containsWord(String line, String word) {
        for (String w : line.split("\\s+")) {
            if (w.equals(word)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void explainSaysWhereAValueIsSetOnce() {
        CliRun run = CliRun.of("explain", "--dir", CliRun.exampleConfig().toString(), "--env", "production",
                "service.name");

        assertThat(run.exitCode()).isZero();
        String reason = run.out().lines().skip(1).findFirst().orElseThrow();
        assertThat(reason).matches("  set only in \\S+base\\.yaml:\\d+:\\d+");
    }

    @Test
    void validateJsonUsesTheSameStyleAsRender() {
        CliRun run = CliRun.of("validate", "--dir", CliRun.exampleConfig().toString(), "--env", "production",
                "--format", "json");
        CliRun render = CliRun.of("render", "--dir", CliRun.exampleConfig().toString(), "--env", "production",
                "--format", "json");

        assertThat(run.out()).contains("\"format\": ").doesNotContain("\" : ");
        assertThat(render.out()).contains("\"service\": ").doesNotContain("\" : ");
    }

    /** Issue 11: a process that runs one command builds picocli's model of that command only. */
    @Test
    void mainRegistersOnlyTheCommandItRunsAndEveryCommandOtherwise() {
        java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
        picocli.CommandLine get = ConfigCtl.commandLine(sink, sink, Map.of(), System.in, "get");
        assertThat(get.getSubcommands()).containsOnlyKeys("get");
        picocli.CommandLine typo = ConfigCtl.commandLine(sink, sink, Map.of(), System.in, "gte");
        assertThat(typo.getSubcommands()).containsKeys("get", "render", "diff", "help").hasSizeGreaterThan(15);
        picocli.CommandLine diff = ConfigCtl.commandLine(sink, sink, Map.of(), System.in, "diff");
        assertThat(diff.getSubcommands().get("diff").isOverwrittenOptionsAllowed()).isTrue();
    }
}
