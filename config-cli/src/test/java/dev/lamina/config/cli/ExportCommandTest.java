package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.Format;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.ParseLimits;

class ExportCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyExamples() throws Exception {
        CliRun.copyExamples(dir);
    }

    @Test
    void exportK8sPutsSecretsOnlyInTheSecretWithTheNamespaceAndAHashSuffix() {
        CliRun run = CliRun.of("export", "k8s", "--dir=" + dir, "--env=staging", "--namespace=streaming",
                "--name=music-api", "--hash-suffix");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] docs = run.out().split("\n---\n");
        assertThat(docs).hasSize(2);
        assertThat(docs[0]).contains("kind: ConfigMap", "namespace: \"streaming\"", "\"application.yaml\": |")
                .containsPattern("name: \"music-api-[a-z0-9]{10}\"")
                .doesNotContain("change-me").doesNotContain("dev-only-partner-key");
        assertThat(run.out()).doesNotContain("change-me");
        ConfigObject secret = ConfigDocuments.parse("secret.yaml", Format.YAML, docs[1], ParseLimits.DEFAULTS);
        String encoded = ((ConfigScalar) ((ConfigObject) secret.get("data").orElseThrow()).get("secrets.yaml")
                .orElseThrow()).text();
        assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)).contains("change-me");
    }

    @Test
    void exportK8sWithKeysLayoutAndBadOptionsAreUsageErrors() {
        CliRun keys = CliRun.of("export", "k8s", "--dir=" + dir, "--env=staging", "--namespace=s", "--layout=keys");
        assertThat(keys.exitCode()).as(keys.err()).isZero();
        assertThat(keys.out()).contains("name: \"config-staging\"", "\"database.pool.max_size\": \"40\"");
        CliRun layout = CliRun.of("export", "k8s", "--dir=" + dir, "--env=staging", "--namespace=s", "--layout=x");
        assertThat(layout.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(layout.err()).contains("--layout");
        CliRun name = CliRun.of("export", "k8s", "--dir=" + dir, "--env=staging", "--namespace=s", "--name=Bad_Name");
        assertThat(name.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(name.err()).contains("RFC 1123");
        CliRun noNamespace = CliRun.of("export", "k8s", "--dir=" + dir, "--env=staging");
        assertThat(noNamespace.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void exportEnvReadsBackAsADotenvSourceToTheSameValues() throws Exception {
        Path out = dir.resolve("staging.env.out");
        CliRun run = CliRun.of("export", "env", "--dir=" + dir, "--env=staging", "--include-secrets",
                "--out=" + out);
        assertThat(run.exitCode()).as(run.err()).isZero();
        String text = Files.readString(out);
        assertThat(text).contains("change-me");
        Configuration back = new ConfigLoader(ConfigurationOptions.builder().environment(Map.of()).build())
                .load(List.of(ConfigSources.string("back.env", Format.ENV, text)));
        Configuration original = loadStaging();
        for (var p : original.leafPaths()) {
            if (original.node(p.toString()).orElseThrow() instanceof ConfigScalar s) {
                assertThat(back.getString(p.toString())).as(p.toString()).isEqualTo(s.text());
            }
        }
    }

    @Test
    void exportWithoutIncludeSecretsMasksThemInEveryFormat() {
        for (String format : List.of("env", "properties", "json", "yaml")) {
            CliRun run = CliRun.of("export", format, "--dir=" + dir, "--env=staging");
            assertThat(run.exitCode()).as(format + ": " + run.err()).isZero();
            assertThat(run.out()).as(format).doesNotContain("change-me").contains("***");
        }
        CliRun json = CliRun.of("export", "json", "--dir=" + dir, "--env=staging", "--include-secrets");
        assertThat(json.out()).contains("change-me");
    }

    @Test
    void aFileNoSourceReadsIsAWarningOnStderr() throws Exception {
        Files.writeString(dir.resolve("base.ini"), "[a]\nb=1\n");
        CliRun run = CliRun.of("render", "--dir=" + dir, "--env=staging");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("configctl: warning: not reading " + dir.resolve("base.ini"),
                "'configctl migrate' converts .ini");
    }

    private Configuration loadStaging() {
        try (var manager = new dev.lamina.config.ConfigurationManager(dev.lamina.config.ConfigurationOptions.builder()
                .directory(dir).environment(Map.of()).build())) {
            return manager.loadEnvironmentConfig("staging");
        }
    }
}
