package dev.lamina.config.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.DocumentDecoder;
import dev.lamina.config.Format;
import dev.lamina.config.Layer;
import dev.lamina.config.validation.ValidationContext;
import dev.lamina.config.validation.ValidationEngine;
import dev.lamina.config.validation.ValidationReport;
import dev.lamina.config.validation.ValidationResult;

/**
 * Issue 13: a SOPS file's layer holds its values decrypted, so {@code security.plaintext-secret}, reading the written
 * layers, called every SOPS-encrypted password "written in plain text". A value a document decoder decrypted is
 * secret by its value ({@code Configuration.isSecretByValue}) and not flagged; a literal beside it still is.
 */
class PlaintextSecretDecodedDocumentTest {

    /** Stands for SOPS: takes a document with a top-level {@code encrypted: true}, "decrypts" {@code vault.pass}. */
    private static final class FakeSops implements DocumentDecoder {
        @Override
        public boolean accepts(ConfigObject root) {
            return root.entries().containsKey("encrypted");
        }

        @Override
        public Decoded decode(Layer layer) {
            ConfigObject vault = (ConfigObject) layer.root().entries().get("vault");
            return new Decoded(new ConfigObject(Map.of("vault", vault), layer.root().origin()),
                    Set.of(ConfigPath.parse("vault.pass")));
        }
    }

    @Test
    void decryptedDocumentValuesAreNotPlainTextButLiteralsBesideThemAre() {
        ConfigurationOptions options = ConfigurationOptions.builder().environment(Map.of())
                .addDocumentDecoder(new FakeSops()).build();
        Configuration config = new ConfigLoader(options).load(List.of(
                ConfigSources.string("base.yaml", Format.YAML, "db:\n  password: literal-pw\n"),
                ConfigSources.string("prod.yaml", Format.YAML, "encrypted: true\nvault:\n  pass: was-encrypted\n")));
        assertThat(config.isSecretByValue("vault.pass")).isTrue();
        assertThat(config.isSecretByValue("db.password")).isFalse();
        assertThat(config.isSecretByValue("no.such.path")).isFalse();
        ValidationReport report = ValidationEngine.builder()
                .addRule(RulePacks.all().stream().filter(r -> r.id().equals("security.plaintext-secret")).findFirst()
                        .orElseThrow())
                .build()
                .validateConfig(config, ValidationContext.forEnvironment("test", "prod")
                        .withWrittenLayers(config.layers()));
        assertThat(report.failures()).extracting(ValidationResult::path).extracting(ConfigPath::toString)
                .containsExactly("db.password");
    }
}
