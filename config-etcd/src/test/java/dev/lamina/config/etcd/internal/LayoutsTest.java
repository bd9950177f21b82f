package dev.lamina.config.etcd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigLimitException;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerKind;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.etcd.internal.EtcdHttp.KeyValueData;

class LayoutsTest {

    static final URI EP = URI.create("http://127.0.0.1:2379");
    static final String P = "/lamina/app/prod/";

    @TempDir
    Path dir;

    static KeyValueData kv(String key, String value, long mod) {
        return new KeyValueData(key, value.getBytes(StandardCharsets.UTF_8), mod, mod, 1);
    }

    @Test
    void treeKeysBecomePathsWithScalarsKeptAsWritten() {
        Layer l = Layouts.tree(P, EP, 12, List.of(kv(P + "server/port", "8080", 10), kv(P + "mode", "0755", 11),
                kv(P + "a//b", "x", 12)), ParseLimits.DEFAULTS, null);
        ConfigObject server = (ConfigObject) l.root().get("server").orElseThrow();
        ConfigScalar port = (ConfigScalar) server.get("port").orElseThrow();
        assertThat(port.text()).isEqualTo("8080");
        assertThat(port.origin().source()).isEqualTo("etcd://127.0.0.1:2379/lamina/app/prod/server/port@10");
        assertThat(port.type()).isEqualTo(dev.lamina.config.ScalarType.NUMBER);
        assertThat(((ConfigScalar) l.root().get("mode").orElseThrow()).text()).isEqualTo("0755");
        assertThat(((ConfigScalar) l.root().get("mode").orElseThrow()).type())
                .isEqualTo(dev.lamina.config.ScalarType.STRING);
        assertThat(Layouts.typeOf("true")).isEqualTo(dev.lamina.config.ScalarType.BOOLEAN);
        assertThat(Layouts.typeOf("yes")).isEqualTo(dev.lamina.config.ScalarType.STRING);
        assertThat(Layouts.typeOf("+1")).isEqualTo(dev.lamina.config.ScalarType.STRING);
        assertThat(l.root().get("a").orElseThrow()).isInstanceOf(ConfigObject.class);
        assertThat(l.metadata().kind()).isEqualTo(LayerKind.REMOTE);
        assertThat(l.metadata().revision()).isEqualTo("12");
        assertThat(l.metadata().description()).isEqualTo("etcd " + P + " at revision 12");
        assertThat(l.name()).isEqualTo("etcd:" + P);
    }

    @Test
    void unchangedKeysKeepTheirScalarInstancesAndAChangedKeyGetsANewOne() {
        java.util.Map<String, Layouts.Built> first = new java.util.HashMap<>();
        Layer a = Layouts.tree(P, EP, 10, List.of(kv(P + "x", "1", 5), kv(P + "y", "2", 6)), ParseLimits.DEFAULTS,
                null, java.util.Map.of(), first);
        java.util.Map<String, Layouts.Built> second = new java.util.HashMap<>();
        Layer b = Layouts.tree(P, EP, 11, List.of(kv(P + "x", "1", 5), kv(P + "y", "3", 11)), ParseLimits.DEFAULTS,
                null, first, second);
        assertThat(b.root().get("x").orElseThrow()).isSameAs(a.root().get("x").orElseThrow());
        ConfigScalar y = (ConfigScalar) b.root().get("y").orElseThrow();
        assertThat(y).isNotSameAs(a.root().get("y").orElseThrow());
        assertThat(y.text()).isEqualTo("3");
        assertThat(y.origin().source()).endsWith("/y@11");
        assertThat(second).hasSize(2);
        // Another endpoint or note is another origin: nothing is reused across them.
        Layer c = Layouts.tree(P, EP, 11, List.of(kv(P + "x", "1", 5)), ParseLimits.DEFAULTS, "last-known-good",
                second, new java.util.HashMap<>());
        assertThat(c.root().get("x").orElseThrow()).isNotSameAs(a.root().get("x").orElseThrow());
        assertThat(((ConfigScalar) c.root().get("x").orElseThrow()).origin().source()).contains("last-known-good");
    }

    @Test
    void anEntryIsReusedOnlyForTheSameBytesAndEndpointEvenUnderTheSameModRevision() {
        // A wiped and restored cluster can give another value the same mod revision: the bytes decide.
        java.util.Map<String, Layouts.Built> first = new java.util.HashMap<>();
        Layer a = Layouts.tree(P, EP, 10, List.of(kv(P + "x", "1", 5)), ParseLimits.DEFAULTS, null,
                java.util.Map.of(), first);
        java.util.Map<String, Layouts.Built> second = new java.util.HashMap<>();
        Layer b = Layouts.tree(P, EP, 10, List.of(kv(P + "x", "2", 5)), ParseLimits.DEFAULTS, null, first, second);
        assertThat(((ConfigScalar) b.root().get("x").orElseThrow()).text()).isEqualTo("2");
        Layer c = Layouts.tree(P, URI.create("http://127.0.0.2:2379"), 10, List.of(kv(P + "x", "2", 5)),
                ParseLimits.DEFAULTS, null, second, new java.util.HashMap<>());
        assertThat(c.root().get("x").orElseThrow()).isNotSameAs(b.root().get("x").orElseThrow());
        assertThat(((ConfigScalar) c.root().get("x").orElseThrow()).origin().source()).startsWith("etcd://127.0.0.2:2379/");
        // Limits are checked on reused entries too.
        java.util.Map<String, Layouts.Built> third = new java.util.HashMap<>();
        Layouts.tree(P, EP, 12, List.of(kv(P + "x", "12", 6)), ParseLimits.DEFAULTS, null, java.util.Map.of(), third);
        ParseLimits tiny = new ParseLimits(1024, 8, 1, 100, 100);
        assertThatThrownBy(() -> Layouts.tree(P, EP, 12, List.of(kv(P + "x", "12", 6)), tiny, null, third,
                new java.util.HashMap<>())).hasMessageContaining("exceeds maxStringLength");
        assertThat(a.root().get("x")).isPresent();
    }

    @Test
    void aKeyThatIsBothAValueAndAParentKeepsTheNestedKeys() {
        Layer l = Layouts.tree(P, EP, 3, List.of(kv(P + "db", "x", 1), kv(P + "db/host", "h", 2)),
                ParseLimits.DEFAULTS, null);
        assertThat(l.root().get("db").orElseThrow()).isInstanceOf(ConfigObject.class);
    }

    @Test
    void treeLimitsAndEncodingAreEnforcedNamingTheKey() {
        ParseLimits tiny = new ParseLimits(1024, 2, 4, 100, 2);
        assertThatThrownBy(() -> Layouts.tree(P, EP, 1, List.of(kv(P + "a", "1", 1), kv(P + "b", "1", 1),
                kv(P + "c", "1", 1)), tiny, null)).isInstanceOf(ConfigLimitException.class)
                .hasMessageContaining("maxNodes");
        assertThatThrownBy(() -> Layouts.tree(P, EP, 1, List.of(kv(P + "a/b/c", "1", 1)), tiny, null))
                .isInstanceOf(ConfigLimitException.class).hasMessageContaining(P + "a/b/c")
                .hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> Layouts.tree(P, EP, 1, List.of(kv(P + "a", "12345", 1)), tiny, null))
                .isInstanceOf(ConfigLimitException.class).hasMessageContaining("maxStringLength")
                .hasMessageNotContaining("12345");
        KeyValueData bad = new KeyValueData(P + "bin", new byte[] {(byte) 0xff}, 1, 1, 1);
        assertThatThrownBy(() -> Layouts.tree(P, EP, 1, List.of(bad), ParseLimits.DEFAULTS, null))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining(P + "bin");
    }

    @Test
    void documentsAreParsedByTheHardenedParserWithTheKeyInEveryOrigin() {
        List<Layer> layers = Layouts.documents(P, EP, 9, List.of(kv(P + "base.yaml", "a:\n  b: 1\n", 5),
                kv(P + "override.json", "{\"a\": {\"b\": 2}}", 9), kv(P + "plain", "c: x\n", 7)),
                ParseLimits.DEFAULTS, null);
        assertThat(layers).extracting(Layer::name).containsExactly("etcd:" + P + "base.yaml",
                "etcd:" + P + "override.json", "etcd:" + P + "plain");
        ConfigScalar b = (ConfigScalar) ((ConfigObject) layers.get(0).root().get("a").orElseThrow()).get("b")
                .orElseThrow();
        assertThat(b.origin().describe()).isEqualTo("etcd://127.0.0.1:2379/lamina/app/prod/base.yaml@5:2:6");
        assertThatThrownBy(() -> Layouts.documents(P, EP, 9, List.of(kv(P + "x.yaml", "a: &x 1\nb: *x\n", 3)),
                ParseLimits.DEFAULTS, null)).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining(P + "x.yaml@3");
        assertThatThrownBy(() -> Layouts.documents(P, EP, 9, List.of(kv(P + "x.env", "A=1\n", 3)),
                ParseLimits.DEFAULTS, null)).isInstanceOf(ConfigParseException.class).hasMessageContaining("dotenv");
    }

    @Test
    void lastKnownGoodRoundTripsAndRefusesAnotherPrefixOrDamage() throws Exception {
        Path f = dir.resolve("sub/lkg.json");
        List<KeyValueData> kvs = List.of(kv(P + "a", "1", 4), new KeyValueData(P + "bin", new byte[] {0, -1}, 2, 5, 3));
        LastKnownGood.write(f, new LastKnownGood.Content(P, 5, kvs));
        LastKnownGood.Content back = LastKnownGood.read(f, P).orElseThrow();
        assertThat(back.revision()).isEqualTo(5);
        assertThat(back.kvs()).hasSize(2);
        assertThat(back.kvs().get(1).value()).containsExactly(0, -1);
        assertThat(back.kvs().get(1).modRevision()).isEqualTo(5);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-------");
        assertThat(LastKnownGood.read(dir.resolve("none.json"), P)).isEmpty();
        assertThatThrownBy(() -> LastKnownGood.read(f, "/other/")).isInstanceOf(ConfigSourceException.class)
                .hasMessageContaining("/other/");
        Files.writeString(f, "{\"format\":\"something else\"}");
        assertThatThrownBy(() -> LastKnownGood.read(f, P)).isInstanceOf(ConfigSourceException.class)
                .hasMessageContaining("not an etcd last-known-good file");
        Files.writeString(f, "{not json");
        assertThatThrownBy(() -> LastKnownGood.read(f, P)).isInstanceOf(ConfigSourceException.class)
                .hasMessageContaining("delete it");
    }

    @Test
    void prefixEndCoversEveryKeyWithThePrefix() {
        assertThat(java.util.Base64.getDecoder().decode(EtcdHttp.prefixEnd("/a/")))
                .containsExactly('/', 'a', '0');
        assertThat(java.util.Base64.getDecoder().decode(EtcdHttp.prefixEnd(""))).containsExactly(0);
    }
}
