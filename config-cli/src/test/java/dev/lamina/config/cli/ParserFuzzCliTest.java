package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.Format;
import dev.lamina.config.testing.ParserFuzz;

/**
 * The CLI half of the parser fuzz test (issue 10, "Done when"; the loader half is core's {@code ParserFuzzTest}):
 * configctl's command line runs in-process on a few mutated documents of every format, each in a worker with a
 * timeout, and must end with exit 0 or 1 and never print a stack trace or report an internal error.
 */
class ParserFuzzCliTest {

    private static final int DOCUMENTS_PER_FORMAT = 6;

    @TempDir
    Path root;

    @Test
    void configctlNeverPrintsAStackTraceOnMutatedDocuments() throws Exception {
        long seed = Long.getLong("lamina.fuzz.seed", 20_261_207L);
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "configctl-fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            int n = 0;
            for (Format format : ParserFuzz.FORMATS) {
                for (int i = 0; i < DOCUMENTS_PER_FORMAT; i++) {
                    ParserFuzz.Mutant mutant = ParserFuzz.mutant(format, random);
                    Path dir = Files.createDirectory(root.resolve("case" + n++));
                    Files.write(dir.resolve("base." + ParserFuzz.extension(format)), mutant.bytes());
                    Files.writeString(dir.resolve("staging.yaml"), "server:\n  port: 9090\n");
                    String[] args = i % 2 == 0
                            ? new String[] {"render", "--dir", dir.toString(), "--env", "staging"}
                            : new String[] {"validate", "--dir", dir.toString(), "--env", "staging"};
                    Future<CliRun> run = worker.submit(() -> CliRun.of(args));
                    CliRun result = run.get(30, TimeUnit.SECONDS);
                    String problem = problem(result);
                    if (problem != null) {
                        failures.add(format + " #" + i + " (seed " + seed + ", " + mutant.mutations() + ", "
                                + args[0] + "): " + problem + "\n" + result.err());
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertThat(failures).isEmpty();
    }

    private static String problem(CliRun run) {
        if (run.exitCode() != 0 && run.exitCode() != ExitCodes.INVALID_CONFIGURATION) {
            return "exit code " + run.exitCode();
        }
        String err = run.err();
        if (err.contains("\tat ") || err.contains("Exception in thread") || err.contains("internal error")) {
            return "stack trace or internal error on stderr";
        }
        // validate reports rule violations on stdout with exit 1 and nothing on stderr; a load error is one line.
        if (!err.isEmpty() && !err.startsWith("configctl: ")) {
            return "stderr that is not configctl's one-line message";
        }
        return null;
    }
}
