package dev.lamina.config.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;

class ConfigTreesTest {

    private static final ConfigObject ROOT = ConfigDocuments.parse("app.yaml", Format.YAML, """
            server:
              port: 8080
              hosts:
                - a.example
                - b.example
            empty: {}
            none: []
            gone: null
            """, ParseLimits.DEFAULTS);

    @Test
    void findsObjectKeysAndListIndexes() {
        assertThat(ConfigTrees.find(ROOT, ConfigPath.parse("server.port")))
                .hasValueSatisfying(n -> assertThat(((ConfigScalar) n).text()).isEqualTo("8080"));
        assertThat(ConfigTrees.find(ROOT, ConfigPath.of("server", "hosts", "1")))
                .hasValueSatisfying(n -> assertThat(((ConfigScalar) n).text()).isEqualTo("b.example"));
        assertThat(ConfigTrees.find(ROOT, ConfigPath.root())).contains(ROOT);
    }

    @Test
    void findsNothingForAbsentKeysOutOfRangeIndexesAndPathsThroughScalars() {
        assertThat(ConfigTrees.find(ROOT, ConfigPath.parse("server.prot"))).isEmpty();
        assertThat(ConfigTrees.find(ROOT, ConfigPath.of("server", "hosts", "2"))).isEmpty();
        assertThat(ConfigTrees.find(ROOT, ConfigPath.of("server", "hosts", "x"))).isEmpty();
        assertThat(ConfigTrees.find(ROOT, ConfigPath.of("server", "hosts", "99999999999"))).isEmpty();
        assertThat(ConfigTrees.find(ROOT, ConfigPath.of("server", "port", "x"))).isEmpty();
        assertThatThrownBy(() -> ConfigTrees.find(null, ConfigPath.root())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void nearestOriginPointsAtTheDeepestNodeThatExists() {
        assertThat(ConfigTrees.nearestOrigin(ROOT, ConfigPath.parse("server.tls.enabled")).line())
                .isEqualTo(ConfigTrees.find(ROOT, ConfigPath.parse("server")).orElseThrow().origin().line());
        assertThat(ConfigTrees.nearestOrigin(ROOT, ConfigPath.parse("server.port")).line()).isEqualTo(2);
        assertThat(ConfigTrees.nearestOrigin(ROOT, ConfigPath.parse("server.port")).source()).isEqualTo("app.yaml");
    }

    @Test
    void leavesAreScalarsNullsAndEmptyContainersInDocumentOrder() {
        Map<ConfigPath, ConfigNode> leaves = ConfigTrees.leaves(ROOT);
        assertThat(leaves.keySet().stream().map(ConfigPath::toString).collect(Collectors.toList()))
                .containsExactly("server.port", "server.hosts[0]", "server.hosts[1]", "empty", "none", "gone");
        assertThat(leaves.get(ConfigPath.parse("gone"))).isInstanceOf(ConfigNull.class);
        assertThat(ConfigTrees.leaves(ConfigScalar.string("x", ROOT.origin()))).isEmpty();
        assertThatThrownBy(() -> leaves.clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void foldBuildsChildrenBeforeParentsWithRelativePaths() {
        String rendered = ConfigTrees.fold(ROOT, new TreeFolder<String>() {
            @Override
            public String object(ConfigObject node, ConfigPath path, Map<String, String> children) {
                return children.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(",", "{", "}"));
            }

            @Override
            public String list(ConfigList node, ConfigPath path, List<String> items) {
                return String.join(",", items);
            }

            @Override
            public String scalar(ConfigScalar node, ConfigPath path) {
                return path + ":" + node.text();
            }

            @Override
            public String nullValue(ConfigNull node, ConfigPath path) {
                return "null";
            }
        });
        assertThat(rendered).isEqualTo("{server={port=server.port:8080,hosts=server.hosts[0]:a.example,"
                + "server.hosts[1]:b.example},empty={},none=,gone=null}");
    }
}
