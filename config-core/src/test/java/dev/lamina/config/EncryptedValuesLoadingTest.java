package dev.lamina.config;

import static dev.lamina.config.ManagerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ENC[v1,...] values decrypted while loading, in every format, through the ValueDecoder SPI. */
class EncryptedValuesLoadingTest {

    private static final String PLAIN = "pl4nted-S3cret";

    @TempDir
    Path dir;

    private final Keyring keyring = Keyring.generate("k1");
    private ConfigurationManager manager;

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
    }

    private String enc(String path) {
        return keyring.encrypt(path, PLAIN);
    }

    @Test
    void decryptsInEveryFormatAndMarksTheValueSecret() {
        List<ConfigSource> sources = List.of(
                ConfigSources.string("a.yaml", Format.YAML, "y:\n  v: " + enc("y.v") + "\n"),
                ConfigSources.string("b.json", Format.JSON, "{\"j\": {\"v\": \"" + enc("j.v") + "\"}}"),
                ConfigSources.string("c.toml", Format.TOML, "[t]\nv = \"" + enc("t.v") + "\"\n"),
                ConfigSources.string("d.xml", Format.XML, "<config><x><v>" + enc("x.v") + "</v></x></config>"),
                ConfigSources.string("e.properties", Format.PROPERTIES, "p.v=" + enc("p.v") + "\n"),
                ConfigSources.environmentVariables("APP_", Map.of("APP_E_V", enc("e.v"))));
        Configuration config = new ConfigLoader(ConfigurationOptions.builder().keyring(keyring).build()).load(sources);
        for (String path : List.of("y.v", "j.v", "t.v", "x.v", "p.v", "e.v")) {
            assertThat(config.getString(path)).as(path).isEqualTo(PLAIN);
            assertThat(config.isSecret(path)).as(path).isTrue();
        }
        assertThat(config.toString()).doesNotContain(PLAIN);
        assertThat(ConfigRenderer.render(config, RenderFormat.JSON, ConfigRenderer.Options.defaults()))
                .doesNotContain(PLAIN).contains("***");
        assertThat(config.explain("y.v").toString()).doesNotContain(PLAIN);
    }

    @Test
    void keyComesFromConfigEncryptionKeyWhenNoKeyringIsGiven() {
        byte[] key = new byte[32];
        key[0] = 7;
        Keyring envRing = Keyring.of("prod", key);
        String text = "a: " + envRing.encrypt("a", PLAIN) + "\n";
        ConfigurationOptions options = ConfigurationOptions.builder().environment(Map.of(
                Keyring.ENVIRONMENT_VARIABLE, "prod:" + Base64.getEncoder().encodeToString(key))).build();
        assertThat(new ConfigLoader(options).load(List.of(ConfigSources.string("a.yaml", Format.YAML, text)))
                .getString("a")).isEqualTo(PLAIN);
    }

    @Test
    void withoutAnyKeyEnvelopesStayEncryptedAndMasked() {
        String text = "a: " + enc("a") + "\n";
        Configuration config = new ConfigLoader(ConfigurationOptions.builder().environment(Map.of()).build())
                .load(List.of(ConfigSources.string("a.yaml", Format.YAML, text)));
        assertThat(config.getString("a")).startsWith("ENC[v1,");
        assertThat(config.isSecret("a")).isTrue();
    }

    @Test
    void undecryptableValueFailsTheLoadNamingFileLinePathAndKeyId() {
        write(dir, "dev.yaml", "other: 1\n");
        write(dir, "base.yaml", "db:\n  host: h\n  pass: " + enc("db.other") + "\n");
        manager = new ConfigurationManager(ManagerFixture.options(dir).keyring(keyring).build());
        assertThatThrownBy(() -> manager.loadEnvironmentConfig("dev"))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessageContaining("base.yaml:3:")
                .hasMessageContaining("db.pass")
                .hasMessageContaining("key id 'k1'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PLAIN).doesNotContain("data:"));
    }

    @Test
    void reloadWithAnUndecryptableValueKeepsThePreviousSnapshotAndEmitsAnErrorEvent() {
        write(dir, "dev.yaml", "other: 1\n");
        write(dir, "base.yaml", "db:\n  pass: " + enc("db.pass") + "\n");
        manager = new ConfigurationManager(ManagerFixture.options(dir).keyring(keyring)
                .quietPeriod(Duration.ofMillis(20)).debounce(Duration.ofMillis(10)).build());
        ManagerFixture.Recorder events = new ManagerFixture.Recorder();
        manager.addChangeListener(events);
        manager.loadEnvironmentConfig("dev");
        manager.enableHotReload();
        write(dir, "base.yaml", "db:\n  pass: " + Keyring.generate("k9").encrypt("db.pass", "x") + "\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> !events.errors.isEmpty());
        assertThat(events.errors.get(0).message()).contains("unknown key id 'k9'").doesNotContain(PLAIN);
        assertThat(manager.current().version()).isEqualTo(1);
        assertThat(manager.configuration().getString("db.pass")).isEqualTo(PLAIN);
        assertThatThrownBy(manager::reload).hasMessageContaining("unknown key id 'k9'");
        assertThat(manager.current().version()).isEqualTo(1);
    }

    /**
     * The authenticated path is the one in the file's own tree: with an appended list, the second file's item is
     * {@code plugins[0]} in its file (what {@code configctl encrypt} and rotation use) and {@code plugins[1]} merged.
     */
    @Test
    void theAuthenticatedPathIsTheFilesOwnPathWhenAListIsAppended() {
        List<ConfigSource> sources = List.of(
                ConfigSources.string("base.yaml", Format.YAML, "plugins:\n  - name: a\n    endpoint: "
                        + keyring.encrypt("plugins[0].endpoint", "one") + "\n"),
                ConfigSources.string("prod.yaml", Format.YAML, "plugins:\n  - name: b\n    endpoint: "
                        + keyring.encrypt("plugins[0].endpoint", "two") + "\n"));
        Configuration config = new ConfigLoader(ConfigurationOptions.builder().keyring(keyring)
                .listStrategy("plugins", ListMergeStrategy.append()).build()).load(sources);
        assertThat(config.getString("plugins[0].endpoint")).isEqualTo("one");
        assertThat(config.getString("plugins[1].endpoint")).isEqualTo("two");
        assertThat(config.isSecret("plugins[1].endpoint")).isTrue();
        assertThat(config.isSecret("plugins[1].name")).isFalse();
        // A value written for its merged path is not the file's own path: refused, as a moved value is.
        List<ConfigSource> moved = List.of(sources.get(0), ConfigSources.string("prod.yaml", Format.YAML,
                "plugins:\n  - name: b\n    endpoint: " + keyring.encrypt("plugins[1].endpoint", "two") + "\n"));
        assertThatThrownBy(() -> new ConfigLoader(ConfigurationOptions.builder().keyring(keyring)
                .listStrategy("plugins", ListMergeStrategy.append()).build()).load(moved))
                .hasMessageContaining("prod.yaml:3:")
                .hasMessageContaining("authentication failed");
    }

    /** A document decoder (SOPS) reports paths of its own tree; the merged value is what gets masked. */
    @Test
    void documentDecodedValuesAreSecretWhereTheMergeMovedThem() {
        DocumentDecoder fake = new DocumentDecoder() {
            @Override
            public boolean accepts(ConfigObject root) {
                return root.entries().containsKey("encrypted");
            }

            @Override
            public Decoded decode(Layer layer) {
                Map<String, ConfigNode> entries = new java.util.LinkedHashMap<>(layer.root().entries());
                entries.remove("encrypted");
                return new Decoded(new ConfigObject(entries, layer.root().origin()),
                        java.util.Set.of(ConfigPath.parse("plugins[0].endpoint")));
            }
        };
        Configuration config = new ConfigLoader(ConfigurationOptions.builder().addDocumentDecoder(fake)
                .listStrategy("plugins", ListMergeStrategy.append()).build()).load(List.of(
                ConfigSources.string("base.yaml", Format.YAML, "plugins:\n  - {name: a, endpoint: public}\n"),
                ConfigSources.string("prod.yaml", Format.YAML,
                        "encrypted: true\nplugins:\n  - {name: b, endpoint: was-sops}\n")));
        assertThat(config.getString("plugins[1].endpoint")).isEqualTo("was-sops");
        assertThat(config.isSecret("plugins[1].endpoint")).isTrue();
        assertThat(config.isSecret("plugins[0].endpoint")).isFalse();
        assertThat(config.toString()).doesNotContain("was-sops").contains("public");
    }

    @Test
    void decryptedPlaintextIsNotInterpolated() {
        String text = "a: " + keyring.encrypt("a", "${HOME}") + "\n";
        Configuration config = new ConfigLoader(ConfigurationOptions.builder().keyring(keyring).build())
                .load(List.of(ConfigSources.string("a.yaml", Format.YAML, text)));
        assertThat(config.getString("a")).isEqualTo("${HOME}");
    }

    @Test
    void sopsFileWithoutADecoderIsRefusedNotServedEncrypted() {
        String sops = "a: ENC[AES256_GCM,data:AA==,iv:AA==,tag:AA==,type:str]\nsops:\n  mac: x\n  version: 3.9.0\n";
        assertThatThrownBy(() -> new ConfigLoader().load(List.of(ConfigSources.string("s.yaml", Format.YAML, sops))))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessageContaining("s.yaml")
                .hasMessageContaining("encrypted with SOPS")
                .hasMessageContaining("config-sops");
    }
}
