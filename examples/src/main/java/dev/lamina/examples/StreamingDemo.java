package dev.lamina.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.lamina.config.ConfigChangeEvent;
import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.DataSize;
import dev.lamina.config.Explanation;
import dev.lamina.config.RenderFormat;
import dev.lamina.config.flags.EvaluationContext;
import dev.lamina.config.flags.ExperimentAssignment;
import dev.lamina.config.flags.FlagDefinitions;
import dev.lamina.config.flags.FlagEvaluation;
import dev.lamina.config.flags.FlagResolution;
import dev.lamina.config.flags.FlagEvaluator;

/**
 * The music-streaming demo: loads one environment of {@code examples/config}, prints a few sections with
 * the file and line each value comes from (loaded through {@link ConfigurationManager}, with the inheritance of
 * {@code environments.yaml}), reads typed values, evaluates a feature flag and an experiment
 * defined in the same files, explains an overridden key, and shows a hot reload on a copy of the files.
 *
 * <p>Run it with {@code ./mvnw -q -Pdemo -pl examples -am package -DskipTests} (staging), or pass another
 * environment with {@code -Ddemo.args=production}. Arguments: {@code --config DIR [ENV]}.
 */
public final class StreamingDemo {

    /** The sections printed with origins; the rest of the tree is there too, just not printed. */
    private static final List<String> SECTIONS = List.of("service", "database", "caching_layers", "auto_scaling");
    /** The key the hot-reload section edits, in whichever file of the environment sets it. */
    private static final String EDITED = "database.pool.max_size";
    /** How long the demo waits for the change event before saying it did not come. */
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(5);

    private final PrintStream out;

    private StreamingDemo(PrintStream out) {
        this.out = out;
    }

    /**
     * @param args {@code --config DIR [ENV]}; ENV defaults to {@code staging}
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the demo.
     *
     * @param args {@code --config DIR [ENV]}
     * @param out  where the demo prints
     * @param err  where problems are reported
     * @return 0 on success, 1 for an invalid configuration, 2 for bad arguments
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = Path.of("examples", "config");
        String env = "staging";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                dir = Path.of(args[++i]);
            } else if (args[i].startsWith("--config=")) {
                dir = Path.of(args[i].substring("--config=".length()));
            } else if (!args[i].startsWith("-")) {
                env = args[i];
            } else {
                err.println("usage: StreamingDemo --config DIR [ENV]");
                return 2;
            }
        }
        dir = shortest(dir);
        if (!Files.isDirectory(dir)) {
            err.println("demo: configuration directory not found: " + dir.toAbsolutePath());
            return 2;
        }
        try {
            StreamingDemo demo = new StreamingDemo(out);
            demo.show(dir, env);
            demo.showHotReload(dir, env);
            return 0;
        } catch (UncheckedIOException e) {
            err.println("demo: cannot copy the configuration for the hot-reload section: " + e.getCause());
            return 1;
        } catch (ConfigException e) {
            // The message already names file:line:column and path, and never a secret.
            err.println("demo: " + e.getMessage());
            return 1;
        }
    }

    private void show(Path dir, String env) {
        // Loaded as a service loads it: base.*, the parents environments.yaml declares, then <env>.*.
        Configuration config;
        long cold;
        long warm = Long.MAX_VALUE;
        try (ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder()
                .directory(dir).build())) {
            // The first load pays for class loading and JIT warm-up; a reload (read, merge, resolve, compare) is
            // what a change costs later.
            long t0 = System.nanoTime();
            config = manager.loadEnvironmentConfig(env);
            cold = System.nanoTime() - t0;
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                manager.reload();
                warm = Math.min(warm, System.nanoTime() - t);
            }
        }

        out.printf("Lamina demo: music-streaming configuration, environment '%s' from %s%n", env, dir);
        out.printf("%d values; first load %.1f ms (cold JVM), then %.1f ms (best of 5 reloads)%n%n",
                config.leafPaths().size(), cold / 1e6, warm / 1e6);

        heading("Sections with the file:line:column of every value");
        ConfigRenderer.Options withOrigins = ConfigRenderer.Options.defaults().withOrigins(true);
        for (String section : SECTIONS) {
            out.println(section + ":");
            String yaml = ConfigRenderer.render(config, ConfigPath.parse(section), RenderFormat.YAML, withOrigins);
            yaml.lines().forEach(line -> out.println("  " + line));
        }
        out.println();

        heading("Typed reads");
        Duration ttl = config.getDuration("caching_layers.l1.ttl");
        DataSize l2 = config.getSize("caching_layers.l2.size");
        DatabasePool pool = config.bind("database.pool", DatabasePool.class);
        out.printf("getDuration(\"caching_layers.l1.ttl\")  -> %s (%d s)%n", ttl, ttl.toSeconds());
        out.printf("getSize(\"caching_layers.l2.size\")     -> %d GiB (%,d bytes)%n", l2.toGigabytes(), l2.bytes());
        out.printf("getInt(\"database.port\")               -> %d (from ${DB_PORT:-5432})%n",
                config.getInt("database.port"));
        out.printf("getList(\"music_streaming.audio_quality.codecs\") -> %s%n",
                config.getList("music_streaming.audio_quality.codecs", String.class));
        out.printf("bind(\"database.pool\", DatabasePool.class)%n  -> %s%n", pool);
        out.printf("database.password is secret: %s; toString() and every export show it as ***%n%n",
                config.isSecret("database.password"));

        heading("Feature flags and experiments (feature_flags: and experiments: in the same files)");
        FlagEvaluator flags = FlagDefinitions.compile(config, Clock.systemUTC());
        for (String segment : List.of("premium", "free")) {
            EvaluationContext user = EvaluationContext.builder().userId("user-42").attribute("user_segment", segment)
                    .build();
            FlagEvaluation e = flags.evaluate("advanced_audio_analytics", user);
            out.printf("%-40s %-3s (%s)%n", "advanced_audio_analytics, " + segment + " user:",
                    e.enabled() ? "on" : "off", e.reason());
            // A typed flag: its values were checked when the configuration loaded.
            FlagResolution bitrate = flags.resolve("streaming_bitrate_kbps", user);
            out.printf("%-40s %d kbps (%s)%n", "streaming_bitrate_kbps, " + segment + " user:",
                    flags.integerValue("streaming_bitrate_kbps", user, 128), bitrate.openFeatureReason());
        }
        ExperimentAssignment a = flags.assign("recommendation_algorithm_v2", EvaluationContext.ofUser("user-42"));
        out.printf("%-40s %s (%s) -> %s%n%n", "recommendation_algorithm_v2, user-42:",
                a.variant().orElse("not enrolled"), a.reason(), a.configurationValues());

        heading("Why database.pool.max_size is " + config.getString("database.pool.max_size"));
        Explanation why = config.explain("database.pool.max_size");
        int width = why.candidates().stream().mapToInt(c -> c.origin().describe().length()).max().orElse(0);
        for (Explanation.Candidate c : why.candidates()) {
            out.printf("  %s %-" + width + "s  %s%n", c.won() ? "*" : " ", c.origin().describe(), c.displayValue());
        }
        out.println("  " + why.reason());
        out.println();
        showOverride(dir);
    }

    /**
     * The docker override of {@code overrides/docker.yml} (with its dependency {@code local}) on the development
     * environment, as {@code --override docker} or {@code CONFIG_OVERRIDE_TYPE=docker} selects it; then the same
     * selection for production, where its conditions do not hold and it is skipped with the reason.
     */
    private void showOverride(Path dir) {
        heading("Override docker (overrides/docker.yml, depends on local), selected as CONFIG_OVERRIDE_TYPE=docker");
        for (String environment : List.of("development", "production")) {
            try (ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder()
                    .directory(dir)
                    .environment(java.util.Map.of("CONFIG_OVERRIDE_TYPE", "docker")) // no DB_HOST: the defaults
                    .build())) {
                Configuration config = manager.loadEnvironmentConfig(environment);
                Explanation.Candidate host = config.explain("database.host").winner().orElseThrow();
                out.printf("%-12s database.host = %s  <- %s%n", environment + ":", config.getString("database.host"),
                        host.describe());
                config.layers().stream().filter(l -> l.metadata().description().contains(" skipped: "))
                        .forEach(l -> out.printf("%-12s %s%n", "", l.metadata().description()));
            }
        }
    }

    /**
     * Copies the configuration to a temporary directory, loads it with a {@link ConfigurationManager} with hot
     * reload, edits {@value #EDITED} in the file that sets it, and prints the change event the manager emits
     * (waiting at most {@link #RELOAD_WAIT}). The copy is deleted afterwards; the real files are never touched.
     */
    private void showHotReload(Path dir, String env) {
        out.println();
        heading("Hot reload: edit " + EDITED + " in a copy of the files");
        Path copy = copyOf(dir);
        try (ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder()
                .directory(copy)
                .quietPeriod(Duration.ofMillis(50))   // the demo writes atomically enough; react fast
                .build())) {
            Configuration config = manager.loadEnvironmentConfig(env);
            BlockingQueue<ConfigChangeEvent> events = new LinkedBlockingQueue<>();
            manager.addChangeListener(events::add);
            manager.enableHotReload();

            Explanation.Candidate winner = config.explain(EDITED).winner().orElseThrow();
            Path file = Path.of(winner.origin().source());
            int was = config.getInt(EDITED);
            editLine(file, winner.origin().line(), was, was + 1);
            out.printf("wrote %s: %s %d -> %d (version %d in force)%n", file.getFileName(), EDITED, was, was + 1,
                    manager.current().version());

            ConfigChangeEvent e = events.poll(RELOAD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (e == null) {
                out.printf("no change event within %d s: the file system did not report the edit in time%n",
                        RELOAD_WAIT.toSeconds());
            } else {
                out.printf("change event: %s %s -> %s from %s, version %d%n", e.path(), e.oldValue().orElse("(absent)"),
                        e.newValue().orElse("(removed)"), e.source().replace(copy.toString() + java.io.File.separator, ""), e.version());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteTree(copy);
        }
    }

    /** Replaces the number after the key on the given line, keeping the rest of the file as written. */
    private static void editLine(Path file, int line, int from, int to) {
        try {
            List<String> lines = Files.readAllLines(file);
            Matcher m = Pattern.compile("(:\\s*)" + from + "\\b").matcher(lines.get(line - 1));
            if (!m.find()) {
                throw new IllegalStateException(file + ":" + line + " does not hold " + from);
            }
            lines.set(line - 1, m.replaceFirst("$1" + to));
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyOf(Path dir) {
        try {
            Path copy = Files.createTempDirectory("lamina-demo-");
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f)) {
                        Files.copy(f, copy.resolve(f.getFileName()));
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary directory left behind is harmless; the demo's output matters more.
        }
    }

    /** Origins name files by the path given, so a path relative to the working directory keeps lines short. */
    private static Path shortest(Path dir) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = dir.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs) : dir;
    }

    private void heading(String title) {
        out.println("== " + title + " ==");
    }
}
