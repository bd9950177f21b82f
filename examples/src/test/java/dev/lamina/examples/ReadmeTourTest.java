package dev.lamina.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lamina.config.ConfigChangeEvent;
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.DataSize;
import dev.lamina.config.Explanation;
import dev.lamina.config.RenderFormat;
import dev.lamina.config.Snapshot;
import dev.lamina.config.VersionInfo;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's tours honest: the code between each pair of start and end comments below (named
 * {@code tour} and {@code tour:runtime}) runs here, and the README's {@code java} block after the HTML comment of
 * the same name must be exactly that code.
 */
class ReadmeTourTest {

    /** The examples pom runs tests from the reactor root, as a reader of the README would run the code. */
    private static final Path ROOT = reactorRoot();

    @Test
    void theTourRunsAgainstTheExampleConfiguration() {
        // tour:start
        Path dir = Path.of("examples/config");                             // run from the repository root
        Configuration config = new ConfigLoader(ConfigurationOptions.builder().directory(dir).build())
                .load(List.of(
                        ConfigSources.directory(dir, "production"),        // base, staging, production.yaml
                        ConfigSources.environmentVariables("LAMINA_")));   // LAMINA_DATABASE_PORT=6432 wins

        int maxPool = config.getInt("database.pool.max_size");             // 200: production.yaml overrides base
        Duration ttl = config.getDuration("caching_layers.l1.ttl");        // "300s" -> PT5M
        DataSize l2 = config.getSize("caching_layers.l2.size");            // "64GB" -> 68,719,476,736 bytes
        DatabasePool pool = config.bind("database.pool", DatabasePool.class);

        Explanation why = config.explain("database.pool.max_size");        // every layer's candidate + winner
        String json = ConfigRenderer.render(config, RenderFormat.JSON,     // secrets come out as "***"
                ConfigRenderer.Options.defaults());
        // tour:end

        assertThat(maxPool).isEqualTo(200);
        assertThat(ttl).isEqualTo(Duration.ofMinutes(5));
        assertThat(l2.toGigabytes()).isEqualTo(64);
        assertThat(pool).isEqualTo(new DatabasePool(20, 200, Duration.ofSeconds(10), Duration.ofHours(1)));
        assertThat(why.winner()).hasValueSatisfying(c -> assertThat(c.origin().source()).endsWith("production.yaml"));
        assertThat(json).contains("\"password\": \"***\"").doesNotContain("change-me");
    }

    @Test
    void theRuntimeTourLoadsUpdatesAndRollsBack() {
        // tour:runtime:start
        ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder()
                .directory(Path.of("examples/config"))                     // base.*, environments.yaml, <env>.*
                .build());
        Configuration staging = manager.loadEnvironmentConfig("staging");  // version 1
        List<ConfigChangeEvent> events = new CopyOnWriteArrayList<>();
        manager.addChangeListener(events::add);                            // one event per changed leaf, secrets ***

        Snapshot v2 = manager.updateConfig("database.pool.max_size", 60);  // validated, then version 2
        manager.updateConfig("database.pool.max_size", 80, v2.version());  // version 3, or ConfigConflictException
        manager.rollback(1);                                               // version 4: version 1's content again

        int maxPool = manager.configuration().getInt("database.pool.max_size"); // 40, from staging.yaml
        List<VersionInfo> history = manager.history();                     // who, when, why, which paths
        manager.close();                                                   // delivers queued events, stops threads
        // tour:runtime:end

        assertThat(staging.getInt("database.pool.max_size")).isEqualTo(40);
        assertThat(maxPool).isEqualTo(40);
        assertThat(history).extracting(VersionInfo::version).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events).extracting(ConfigChangeEvent::version).containsExactly(2L, 3L, 4L);
        assertThat(events).extracting(ConfigChangeEvent::newValue)
                .containsExactly(Optional.of("60"), Optional.of("80"), Optional.of("40"));
    }

    @Test
    void theReadmeShowsExactlyTheCodeThatRunsHere() throws IOException {
        assertThat(readmeTour("tour")).isEqualTo(testTour("tour"));
    }

    @Test
    void theReadmeShowsExactlyTheRuntimeCodeThatRunsHere() throws IOException {
        assertThat(readmeTour("tour:runtime")).isEqualTo(testTour("tour:runtime"));
    }

    @Test
    void theReadmeQuickStartMatchesTheCiEntryPoint() throws IOException {
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        Matcher m = Pattern.compile("(?m)^exec (\\./mvnw .*)$").matcher(ci);
        assertThat(m.find()).as(".ci/run runs ./mvnw").isTrue();

        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("\n" + m.group(1) + "\n");
    }

    /**
     * @param name the tour's name: {@code tour} or {@code tour:runtime}
     * @return the README's fenced java block that follows the {@code <!-- name -->} marker
     */
    private static String readmeTour(String name) throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = Pattern.compile("<!-- " + Pattern.quote(name) + " -->\\s*```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(m.find()).as("README.md has a ```java block after <!-- %s -->", name).isTrue();
        return m.group(1);
    }

    /**
     * @param name the tour's name
     * @return the lines between {@code // name:start} and {@code // name:end} above, the method's indentation removed
     */
    private static String testTour(String name) throws IOException {
        String source = Files.readString(ROOT.resolve("examples/src/test/java/dev/lamina/examples/ReadmeTourTest.java"));
        int start = source.indexOf('\n', source.indexOf("// " + name + ":start")) + 1;
        int end = source.lastIndexOf('\n', source.indexOf("// " + name + ":end")) + 1;
        StringBuilder sb = new StringBuilder();
        for (String line : source.substring(start, end).split("\n", -1)) {
            sb.append(line.startsWith("        ") ? line.substring(8) : line.strip()).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }

    private static Path reactorRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(".ci/run")) && Files.isRegularFile(p.resolve("README.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("reactor root (with .ci/run and README.md) not found above "
                + Path.of("").toAbsolutePath());
    }
}
