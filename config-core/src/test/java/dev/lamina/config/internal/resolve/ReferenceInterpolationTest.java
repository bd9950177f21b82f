package dev.lamina.config.internal.resolve;

import static dev.lamina.config.internal.resolve.Trees.number;
import static dev.lamina.config.internal.resolve.Trees.settings;
import static dev.lamina.config.internal.resolve.Trees.text;
import static dev.lamina.config.internal.resolve.Trees.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigResolveException;

/** {@code ${ref:...}}: other keys of the merged tree, cycles and limits. */
class ReferenceInterpolationTest {

    private static final Map<String, String> ENV = Map.of("DB_HOST", "db.internal", "PORT", "5432", "EMPTY", "",
            "PW", "hunter2", "user.home", "/home/app");

    private static ConfigObject resolve(ConfigObject tree) {
        return TreeResolver.resolve(tree, settings(ENV));
    }

    @Test
    void copiesAnotherKeysValue() {
        ConfigObject out = resolve(tree("db.host", "db1", "db.url", "jdbc://${ref:db.host}/app"));
        assertThat(text(out, "db.url")).isEqualTo("jdbc://db1/app");
    }

    @Test
    void resolvesTheReferencedKeyFirst() {
        ConfigObject out = resolve(tree("url", "${ref:db.host}:${ref:db.port}", "db.host", "${DB_HOST}",
                "db.port", number("5432")));
        assertThat(text(out, "url")).isEqualTo("db.internal:5432");
        assertThat(text(out, "db.host")).isEqualTo("db.internal");
    }

    @Test
    void followsListIndices() {
        ConfigObject out = resolve(tree("brokers", List.of("k1:9092", "k2:9092"), "primary", "${ref:brokers[1]}"));
        assertThat(text(out, "primary")).isEqualTo("k2:9092");
    }

    @Test
    void usesTheDefaultWhenTheKeyIsAbsent() {
        assertThat(text(resolve(tree("a", "${ref:nowhere:-fallback}")), "a")).isEqualTo("fallback");
    }

    @Test
    void reportsAMissingKey() {
        assertThatThrownBy(() -> resolve(tree("a", "${ref:db.hots}")))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessage("config/base.yaml:2:3 a: reference ${ref:db.hots} points to no value "
                        + "(fix: add db.hots to the configuration or write ${ref:db.hots:-default})");
    }

    @Test
    void refusesToInterpolateAnObject() {
        assertThatThrownBy(() -> resolve(tree("db.host", "h", "a", "${ref:db}")))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessageContaining("a: reference ${ref:db} points to an object; only a string, number or "
                        + "boolean can be interpolated");
    }

    @Test
    void refusesAnInvalidPath() {
        assertThatThrownBy(() -> resolve(tree("a", "${ref:db..host}")))
                .hasMessageContaining("${ref:...} at column 1 does not hold a valid config path");
    }

    @Test
    void reportsACycleListingItsPaths() {
        assertThatThrownBy(() -> resolve(tree("a", "${ref:b}", "b", "x${ref:c}", "c", "${ref:a}")))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessage("config/base.yaml:4:3 c: reference cycle: a -> b -> c -> a");
    }

    @Test
    void reportsAKeyThatReferencesItself() {
        assertThatThrownBy(() -> resolve(tree("a", "${ref:a}")))
                .hasMessageContaining("a: reference cycle: a -> a");
    }

    @Test
    void resolvesASharedTargetOnceAndWithoutFalseCycles() {
        ConfigObject out = resolve(tree("a", "${ref:c}${ref:c}", "b", "${ref:c}", "c", "${PORT}"));
        assertThat(text(out, "a")).isEqualTo("54325432");
        assertThat(text(out, "b")).isEqualTo("5432");
    }

    @Test
    void anUnsetVariableThatNamesAKeySuggestsARefAsSpringBootUsersMeanIt() {
        // spring-petclinic's application.properties: database=h2, ...=classpath*:db/${database}/schema.sql
        assertThatThrownBy(() -> resolve(tree("database", "h2", "schema", "db/${database}/schema.sql")))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessageContaining("variable database is not set (fix: to use the key database of this "
                        + "configuration write ${ref:database}; else export database or write ${database:-default})");
    }

    @Test
    void anUnsetVariableThatNamesNoKeyOrAnObjectSuggestsNoRef() {
        assertThatThrownBy(() -> resolve(tree("db.host", "x", "a", "${db}")))
                .hasMessageContaining("variable db is not set (fix: export db or write ${db:-default})");
        assertThatThrownBy(() -> resolve(tree("a", "${NOPE}")))
                .hasMessageNotContaining("ref:");
    }

    @Test
    void reportsAnErrorInTheReferencedKeyAtThatKey() {
        assertThatThrownBy(() -> resolve(tree("a", "${ref:b}", "b", "${NOPE}")))
                .hasMessageStartingWith("config/base.yaml:3:3 b: variable NOPE is not set");
    }

    @Test
    void boundsTheLengthOfAChain() {
        List<Object> kv = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            kv.add("k" + i);
            kv.add("${ref:k" + (i + 1) + "}");
        }
        kv.add("k70");
        kv.add("end");
        assertThatThrownBy(() -> resolve(tree(kv.toArray())))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessageContaining("references are chained deeper than 64");
    }

    @Test
    void boundsTheLengthOfAnExpandedValue() {
        List<Object> kv = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            kv.add("k" + i);
            kv.add("${ref:k" + (i + 1) + "}${ref:k" + (i + 1) + "}");
        }
        kv.add("k25");
        kv.add("0123456789abcdef");
        assertThatThrownBy(() -> resolve(tree(kv.toArray())))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessageContaining("longer than 1048576 characters");
    }
}
