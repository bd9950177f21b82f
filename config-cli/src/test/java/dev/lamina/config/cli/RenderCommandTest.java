package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import java.io.StringReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyExamples() throws Exception {
        CliRun.copyExamples(dir);
    }

    private CliRun render(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "render";
        args[1] = "--dir=" + dir;
        args[2] = "--env=staging";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRun.of(args);
    }

    @Test
    void rendersTheMergedEnvironmentAsYaml() throws Exception {
        CliRun run = render();

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode tree = new YAMLMapper().readTree(run.out());
        assertThat(tree.at("/database/pool/max_size").asInt()).isEqualTo(40);
        assertThat(tree.at("/database/pool/recycle_timeout").asText()).isEqualTo("3600s");
        assertThat(tree.at("/service/log_level").asText()).isEqualTo("DEBUG");
    }

    @Test
    void neverPrintsTheSecretInAnyFormat() {
        for (String format : new String[] {"yaml", "json", "properties", "env"}) {
            CliRun run = render("--format=" + format, "--show-origins");

            assertThat(run.exitCode()).as(format + ": " + run.err()).isZero();
            assertThat(run.out()).as(format).doesNotContain("change-me").doesNotContain("dev-only-partner-key")
                    .contains("***");
        }
    }

    @Test
    void rendersJsonWithTypedScalars() throws Exception {
        CliRun run = render("--format=json");

        JsonNode tree = new ObjectMapper().readTree(run.out());
        assertThat(tree.at("/auto_scaling/max_replicas").isIntegralNumber()).isTrue();
        assertThat(tree.at("/music_streaming/audio_quality/adaptive_streaming").isBoolean()).isTrue();
        assertThat(tree.at("/caching_layers/l1/size").asText()).isEqualTo("1GB");
    }

    @Test
    void showsOriginsOfOverriddenAndInheritedValues() {
        CliRun run = render("--show-origins");

        assertThat(run.out()).containsPattern("max_size: 40  # .*staging\\.yaml:\\d+:\\d+")
                .containsPattern("min_replicas: 2  # .*staging\\.yaml:\\d+:\\d+")
                .containsPattern("embedding_dim: 128  # .*base\\.yaml:\\d+:\\d+");
    }

    @Test
    void rendersPropertiesThatJavaReadsBack() throws Exception {
        CliRun run = render("--format=properties");

        Properties p = new Properties();
        p.load(new StringReader(run.out()));
        assertThat(p.getProperty("database.pool.max_size")).isEqualTo("40");
        assertThat(p.getProperty("data_sources.elasticsearch_cluster.hosts[1]")).isEqualTo("es-1.staging.internal:9200");
    }

    @Test
    void rendersEnvNamesWithTheDefaultPrefix() {
        CliRun run = render("--format=env");

        assertThat(run.out()).contains("LAMINA_DATABASE_POOL_MAX__SIZE=40\n", "LAMINA_DATABASE_PASSWORD='***'\n");
    }

    @Test
    void acceptsTheFormatNameInAnyCase() {
        assertThat(render("--format=JSON").exitCode()).isZero();
    }

    @Test
    void masksKeysMatchingAnExtraSecretPattern() {
        CliRun run = render("--secret-pattern=group_id");

        assertThat(run.out()).contains("group_id: \"***\"").doesNotContain("music-streaming-analytics");
    }

    @Test
    void anExtraSecretPatternDoesNotUnmaskTheBuiltInOnes() {
        CliRun run = render("--secret-pattern=nothing_matches_this");

        assertThat(run.out()).doesNotContain("change-me");
    }

    @Test
    void rejectsAnUnknownFormatAsAUsageError() {
        CliRun run = render("--format=xml");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("xml").contains("yaml, json, properties, env");
    }

    @Test
    void rejectsAnInvalidSecretPatternAsAUsageError() {
        CliRun run = render("--secret-pattern=(unclosed");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--secret-pattern").doesNotContain("\tat ");
    }

    @Test
    void rejectsAnEnvPrefixThatIsNotAVariableName() {
        CliRun run = render("--env-prefix=lower-case");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--env-prefix");
    }
}
