package dev.lamina.config.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigLimitException;
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigSource;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.kubernetes.internal.KustomizeHash;

class ConfigMapManagerTest {

    private static final String SAMPLE = """
            server:
              port: 8080
              host: "api.example.com"
            database:
              host: db
              port: 5432
              password: s3cret-pw
              pool:
                max_size: 100
            security:
              jwt:
                secret: jwt-signing-key
                expire_minutes: 30
            users:
              - name: ann
                token: t0ken-ann
            banner: |
              Welcome
                to the "music" service: $5 #1
            recommendation_engine:
              diversity_factor: 0.15
            health_monitoring:
              liveness: /health/live
            empty: {}
            nothing: null
            """;

    @TempDir
    Path tmp;

    @Test
    void secretValuesGoOnlyToTheSecretAndEverythingElseToTheConfigMap() {
        List<Manifest> m = manager(ConfigMapManager.Layout.FILE).export();
        assertThat(m).extracting(Manifest::kind).containsExactly(Manifest.Kind.CONFIG_MAP, Manifest.Kind.SECRET);
        String configMap = m.get(0).toYaml();
        String all = ConfigMapManager.exportToYaml(m);
        for (String secret : List.of("s3cret-pw", "jwt-signing-key", "t0ken-ann")) {
            assertThat(configMap).doesNotContain(secret);
            assertThat(m.get(1).value("secrets.yaml").orElseThrow()).contains(secret);
            // In the manifest text a Secret's values are base64, never plain.
            assertThat(all).doesNotContain(secret);
        }
        assertThat(m.get(1).toString()).doesNotContain("s3cret").contains("secrets.yaml");
        assertThat(all).contains("kind: ConfigMap", "kind: Secret", "type: Opaque", "namespace: \"streaming\"",
                "\"app.kubernetes.io/name\": \"music-api\"", "\"lamina.dev/environment\": \"production\"",
                "team: \"audio\"", "\"lamina.dev/source\": \"config/\"", "  \"application.yaml\": |\n");
    }

    @Test
    void theManifestsAreYamlThatGivesBackEveryValue() {
        for (ConfigMapManager.Layout layout : ConfigMapManager.Layout.values()) {
            List<Manifest> manifests = layout == ConfigMapManager.Layout.KEYS ? keysManager().export()
                    : manager(layout).export();
            for (Manifest m : manifests) {
                ConfigObject doc = ConfigDocuments.parse("manifest.yaml", Format.YAML, m.toYaml(), ParseLimits.DEFAULTS);
                ConfigObject data = (ConfigObject) doc.get("data").orElseThrow();
                Map<String, String> read = new LinkedHashMap<>();
                data.entries().forEach((k, v) -> read.put(k, ((ConfigScalar) v).text()));
                assertThat(read).as(layout + " " + m.kind()).isEqualTo(m.manifestData());
                if (m.kind() == Manifest.Kind.SECRET) {
                    read.forEach((k, v) -> assertThat(new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8))
                            .isEqualTo(m.data().get(k)));
                }
            }
        }
    }

    @Test
    void fileLayoutMountedAsKubernetesMountsItLoadsBackToTheSameConfiguration() throws IOException {
        Configuration original = load(SAMPLE);
        List<Manifest> m = manager(ConfigMapManager.Layout.FILE).export();
        Path cm = mount(tmp.resolve("config"), m.get(0));
        Path secret = mount(tmp.resolve("secret"), m.get(1));
        Configuration back = new ConfigLoader().load(List.of(ConfigSources.file(cm.resolve("application.yaml")),
                ConfigSources.file(secret.resolve("secrets.yaml"))));
        assertThat(leaves(back)).isEqualTo(leaves(original));
        assertThat(back.root().get("empty")).isPresent();
    }

    @Test
    void keysLayoutMountedAsAKeyPerFileDirectoryLoadsBackToTheSameValues() throws IOException {
        Configuration original = load(SAMPLE.replace("empty: {}\n", "").replace("nothing: null\n", ""));
        List<Manifest> m = ConfigMapManager.builder(original).name("music-api").namespace("streaming")
                .layout(ConfigMapManager.Layout.KEYS).build().export();
        assertThat(m.get(0).data()).containsEntry("database.pool.max_size", "100").containsEntry("server.port", "8080")
                .doesNotContainKey("database.password");
        assertThat(m.get(1).data()).containsEntry("database.password", "s3cret-pw")
                .containsEntry("users.0.token", "t0ken-ann").containsEntry("users.0.name", "ann");
        List<ConfigSource> sources = new ArrayList<>();
        sources.add(ConfigSources.keyPerFile(mount(tmp.resolve("config"), m.get(0))));
        sources.add(ConfigSources.keyPerFile(mount(tmp.resolve("secret"), m.get(1))));
        Configuration back = new ConfigLoader().load(sources);
        assertThat(leaves(back)).isEqualTo(leaves(original));
    }

    @Test
    void keysLayoutRejectsWhatAFileCannotHoldAndKeysKubernetesRefuses() {
        Configuration withNull = load("a:\n  b: []\n");
        assertThatThrownBy(() -> ConfigMapManager.builder(withNull).name("x").namespace("y")
                .layout(ConfigMapManager.Layout.KEYS).build().export())
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("t.yaml:2:6 a.b: ")
                .hasMessageContaining("use the file layout");
        Configuration badKey = load("\"a b\": 1\n");
        assertThatThrownBy(() -> ConfigMapManager.builder(badKey).name("x").namespace("y")
                .layout(ConfigMapManager.Layout.KEYS).build().export())
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a valid ConfigMap key");
        Configuration dotted = load("tenants:\n  \"eu.west\": 1\n");
        assertThatThrownBy(() -> ConfigMapManager.builder(dotted).name("x").namespace("y")
                .layout(ConfigMapManager.Layout.KEYS).build().export())
                .isInstanceOf(ConfigException.class).hasMessageContaining("tenants.\"eu.west\"");
    }

    @Test
    void invalidNamesNamespacesAndLabelsAreRejectedWithTheRule() {
        Configuration c = load("a: 1\n");
        assertThatThrownBy(() -> ConfigMapManager.builder(c).name("Music_API").namespace("x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 1123");
        assertThatThrownBy(() -> ConfigMapManager.builder(c).name("a".repeat(240)).namespace("x").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigMapManager.builder(c).name("ok").namespace("a.b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace");
        assertThatThrownBy(() -> ConfigMapManager.builder(c).name("ok").namespace("x").label("team", "-bad").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label team");
        assertThatThrownBy(() -> ConfigMapManager.builder(c).name("ok").namespace("x").fileKeys("..x", "s").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file key");
        assertThatThrownBy(() -> ConfigMapManager.builder(c).name("ok").build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dataOverOneMebibyteIsRejectedNamingTheLargestKey() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            big.append("k").append(i).append(": \"").append("x".repeat(40_000)).append("\"\n");
        }
        Configuration c = load(big.toString());
        assertThatThrownBy(() -> ConfigMapManager.builder(c).name("big").namespace("x")
                .layout(ConfigMapManager.Layout.KEYS).build().export())
                .isInstanceOf(ConfigLimitException.class)
                .hasMessageContaining("1048576").hasMessageContaining("largest key: k0");
        Configuration justUnder = load("k: \"" + "x".repeat(ConfigMapManager.MAX_DATA_BYTES) + "\"\n");
        assertThat(ConfigMapManager.builder(justUnder).name("big").namespace("x").layout(ConfigMapManager.Layout.KEYS)
                .build().export()).hasSize(1);
    }

    @Test
    void theHashSuffixIsKustomizesAndChangesWithTheContent() {
        Configuration c = load("server:\n  port: 8080\ndb:\n  password: pw\n");
        List<Manifest> m = ConfigMapManager.builder(c).name("music-api").namespace("s")
                .layout(ConfigMapManager.Layout.KEYS).hashSuffix(true).build().export();
        assertThat(m.get(0).name()).isEqualTo("music-api-" + KustomizeHash.configMap("music-api",
                Map.of("server.port", "8080"), null));
        assertThat(m.get(1).name()).isEqualTo("music-api-" + KustomizeHash.secret("music-api", "Opaque",
                Map.of("db.password", Base64.getEncoder().encodeToString("pw".getBytes(StandardCharsets.UTF_8))), null));
        assertThat(m.get(0).name()).matches("music-api-[a-z0-9]{10}");
        Configuration changed = load("server:\n  port: 8081\ndb:\n  password: pw\n");
        List<Manifest> m2 = ConfigMapManager.builder(changed).name("music-api").namespace("s")
                .layout(ConfigMapManager.Layout.KEYS).hashSuffix(true).build().export();
        assertThat(m2.get(0).name()).isNotEqualTo(m.get(0).name());
        assertThat(m2.get(1).name()).isEqualTo(m.get(1).name());
    }

    @Test
    void sectionsPartitionTheConfigurationWithEachPathOnce() {
        ConfigMapManager k8s = keysManager();
        assertThat(k8s.createDatabaseConfig()).extracting(Manifest::name)
                .containsExactly("music-api-database", "music-api-database");
        assertThat(k8s.createDatabaseConfig().get(1).data()).containsOnlyKeys("database.password");
        assertThat(k8s.createMlConfig().get(0).data()).containsOnlyKeys("recommendation_engine.diversity_factor");
        assertThat(k8s.createMonitoringConfig().get(0).data()).containsOnlyKeys("health_monitoring.liveness");
        assertThat(k8s.createSecurityConfig().get(1).data()).containsOnlyKeys("security.jwt.secret");
        assertThat(k8s.createApplicationConfig().get(0).data()).containsKeys("server.port", "banner")
                .doesNotContainKeys("database.host");
        Map<String, String> union = new LinkedHashMap<>();
        for (Manifest m : k8s.generateAllConfigs()) {
            m.data().forEach((key, v) -> assertThat(union.put(key, v)).as(key).isNull());
        }
        Map<String, String> whole = new LinkedHashMap<>();
        k8s.export().forEach(m -> whole.putAll(m.data()));
        assertThat(union).isEqualTo(whole);
        Configuration noMl = load("a: 1\n");
        assertThat(ConfigMapManager.builder(noMl).name("x").namespace("y").build().createMlConfig()).isEmpty();
    }

    @Test
    void exportToYamlWritesTheFileAtomically() throws IOException {
        Path file = tmp.resolve("k8s.yaml");
        List<Manifest> m = manager(ConfigMapManager.Layout.FILE).export();
        ConfigMapManager.exportToYaml(m, file);
        assertThat(Files.readString(file)).isEqualTo(ConfigMapManager.exportToYaml(m)).contains("\n---\n");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(file);
        }
    }

    private ConfigMapManager manager(ConfigMapManager.Layout layout) {
        Configuration c = load(SAMPLE);
        return ConfigMapManager.builder(c).name("music-api").namespace("streaming").environment("production")
                .label("team", "audio").annotation("lamina.dev/source", "config/").layout(layout).build();
    }

    private ConfigMapManager keysManager() {
        Configuration c = load(SAMPLE.replace("empty: {}\n", "").replace("nothing: null\n", ""));
        return ConfigMapManager.builder(c).name("music-api").namespace("streaming")
                .layout(ConfigMapManager.Layout.KEYS).build();
    }

    /**
     * Writes an object's data the way the kubelet does: a timestamped directory holding the files, a {@code ..data}
     * link to it, and one link per key into {@code ..data}.
     */
    static Path mount(Path volume, Manifest m) throws IOException {
        Files.createDirectories(volume);
        Path stamped = volume.resolve("..2026_12_03_10_00_00.123456789");
        Files.createDirectory(stamped);
        for (Map.Entry<String, String> e : m.data().entrySet()) {
            Files.writeString(stamped.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        Files.createSymbolicLink(volume.resolve("..data"), stamped.getFileName());
        for (String key : m.data().keySet()) {
            Files.createSymbolicLink(volume.resolve(key), Path.of("..data", key));
        }
        return volume;
    }

    private static Map<String, String> leaves(Configuration c) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ConfigPath p : c.leafPaths()) {
            ConfigNode n = c.node(p.toString()).orElseThrow();
            out.put(p.toString(), n instanceof ConfigScalar s ? s.text() : n.kindName());
        }
        return new java.util.TreeMap<>(out);
    }

    private static Configuration load(String yaml) {
        return new ConfigLoader().load(List.of(ConfigSources.string("t.yaml", Format.YAML, yaml)));
    }
}
