package dev.lamina.config.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Runs configctl in-process and captures what it printed; finds and copies the example configuration. */
record CliRun(int exitCode, String out, String err) {

    /** Runs with an empty environment, so the tests do not depend on the machine's variables. */
    static CliRun of(String... args) {
        return withEnvironment(Map.of(), args);
    }

    static CliRun withEnvironment(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ConfigCtl.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs with an empty environment and {@code stdin} as standard input. */
    static CliRun withInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ConfigCtl.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8))).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** @return the repository's examples/config, found by walking up from the module directory */
    static Path exampleConfig() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples/config");
            if (Files.isRegularFile(candidate.resolve("base.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/config not found above " + Path.of("").toAbsolutePath());
    }

    /** Copies examples/config into {@code target} so a test may change it. */
    static Path copyExamples(Path target) throws IOException {
        Path source = exampleConfig();
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
        }
        return target;
    }
}
