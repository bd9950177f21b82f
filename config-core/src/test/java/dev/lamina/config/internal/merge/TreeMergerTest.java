package dev.lamina.config.internal.merge;

import static dev.lamina.config.internal.tree.TestTrees.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Layer;
import dev.lamina.config.ListMergeStrategy;
import dev.lamina.config.MergeOptions;
import dev.lamina.config.Origin;

class TreeMergerTest {

    private static final TreeMerger DEFAULT = new TreeMerger(MergeOptions.defaults());

    private static ConfigNode at(ConfigObject root, String path) {
        ConfigNode n = root;
        for (String s : ConfigPath.parse(path).segments()) {
            n = n instanceof ConfigObject o ? o.entries().get(s) : ((ConfigList) n).items().get(Integer.parseInt(s));
        }
        return n;
    }

    private static String text(ConfigObject root, String path) {
        return ((ConfigScalar) at(root, path)).text();
    }

    private static TreeMerger with(String path, ListMergeStrategy s) {
        return new TreeMerger(new MergeOptions(Map.of(ConfigPath.parse(path), s)));
    }

    @Test
    void laterLayerWinsForScalars() {
        ConfigObject m = DEFAULT.merge(List.of(layer("base", "{'port': 80}"), layer("prod", "{'port': 443}")));
        assertThat(text(m, "port")).isEqualTo("443");
    }

    @Test
    void objectsMergeKeyByKeyDeeply() {
        ConfigObject m = DEFAULT.merge(List.of(
                layer("base", "{'server': {'host': 'a', 'tls': {'enabled': false, 'port': 1}}}"),
                layer("prod", "{'server': {'tls': {'enabled': true}}}")));
        assertThat(text(m, "server.host")).isEqualTo("a");
        assertThat(text(m, "server.tls.enabled")).isEqualTo("true");
        assertThat(text(m, "server.tls.port")).isEqualTo("1");
    }

    @Test
    void listsAreReplacedWholeByDefault() {
        ConfigObject m = DEFAULT.merge(List.of(layer("base", "{'hosts': ['a', 'b']}"), layer("prod", "{'hosts': ['c']}")));
        assertThat(((ConfigList) at(m, "hosts")).items()).extracting(n -> ((dev.lamina.config.ConfigScalar) n).text()).containsExactly("c");
    }

    @Test
    void nullInHigherLayerDeletesTheKey() {
        ConfigObject m = DEFAULT.merge(List.of(layer("base", "{'a': 1, 'b': {'c': 2}}"), layer("prod", "{'b': null}")));
        assertThat(m.entries()).containsOnlyKeys("a");
    }

    @Test
    void nullWithNothingBelowLeavesTheKeyAbsent() {
        ConfigObject m = DEFAULT.merge(List.of(layer("base", "{'a': null, 'b': {'c': null, 'd': 1}}")));
        assertThat(m.entries()).containsOnlyKeys("b");
        assertThat(((ConfigObject) at(m, "b")).entries()).containsOnlyKeys("d");
    }

    @Test
    void nullInsideAListIsAValueAndKept() {
        ConfigObject m = DEFAULT.merge(List.of(layer("base", "{'a': [1, null]}")));
        assertThat(((ConfigList) at(m, "a")).items().get(1)).isInstanceOf(ConfigNull.class);
    }

    @Test
    void scalarReplacesAnObject() {
        ConfigObject m = DEFAULT.merge(List.of(layer("base", "{'a': {'b': 1}}"), layer("prod", "{'a': 'off'}")));
        assertThat(text(m, "a")).isEqualTo("off");
    }

    @Test
    void objectReplacesAScalarAndDropsItsNulls() {
        ConfigObject m = DEFAULT.merge(List.of(layer("base", "{'a': 'off'}"), layer("prod", "{'a': {'b': 1, 'c': null}}")));
        assertThat(((ConfigObject) at(m, "a")).entries()).containsOnlyKeys("b");
    }

    @Test
    void listReplacesAnObjectEvenWithAStrategy() {
        ConfigObject m = with("a", ListMergeStrategy.append())
                .merge(List.of(layer("base", "{'a': {'b': 1}}"), layer("prod", "{'a': [1]}")));
        assertThat(at(m, "a")).isInstanceOf(ConfigList.class);
    }

    @Test
    void winningNodeKeepsItsOrigin() {
        ConfigObject m = DEFAULT.merge(List.of(layer("base.json", "{'a': 1}"), layer("prod.json", "{\n  'a': 2\n}")));
        assertThat(at(m, "a").origin()).isEqualTo(Origin.of("prod.json", 2, 8));
    }

    @Test
    void untouchedValueKeepsTheLowerLayersOrigin() {
        ConfigObject m = DEFAULT.merge(List.of(layer("base.json", "{'a': 1, 'b': 1}"), layer("prod.json", "{'b': 2}")));
        assertThat(at(m, "a").origin().source()).isEqualTo("base.json");
    }

    @Test
    void mergedObjectTakesTheOriginOfTheHighestLayer() {
        ConfigObject m = DEFAULT.merge(List.of(layer("base.json", "{'s': {'a': 1}}"), layer("prod.json", "{'s': {'b': 2}}")));
        assertThat(at(m, "s").origin().source()).isEqualTo("prod.json");
    }

    @Test
    void unchangedSubtreesAreSharedNotCopied() {
        Layer base = layer("base", "{'big': {'x': [1, 2, 3]}, 'a': 1}");
        ConfigObject m = DEFAULT.merge(List.of(base, layer("prod", "{'a': 2}")));
        assertThat(at(m, "big")).isSameAs(base.root().entries().get("big"));
    }

    @Test
    void noLayersGiveAnEmptyObject() {
        assertThat(DEFAULT.merge(List.of()).entries()).isEmpty();
    }

    @Test
    void appendStrategyConcatenatesLowerThenHigherItems() {
        ConfigObject m = with("plugins", ListMergeStrategy.append())
                .merge(List.of(layer("base", "{'plugins': ['a', 'b']}"), layer("prod", "{'plugins': ['c']}")));
        assertThat(((ConfigList) at(m, "plugins")).items()).extracting(n -> ((dev.lamina.config.ConfigScalar) n).text()).containsExactly("a", "b", "c");
    }

    @Test
    void wildcardStrategyMatchesAnyKey() {
        ConfigObject m = with("services.*.tags", ListMergeStrategy.append())
                .merge(List.of(layer("base", "{'services': {'api': {'tags': ['a']}}}"),
                        layer("prod", "{'services': {'api': {'tags': ['b']}}}")));
        assertThat(((ConfigList) at(m, "services.api.tags")).items()).extracting(n -> ((dev.lamina.config.ConfigScalar) n).text()).containsExactly("a", "b");
    }

    @Test
    void strategyOnlyAppliesToItsPath() {
        ConfigObject m = with("other", ListMergeStrategy.append())
                .merge(List.of(layer("base", "{'plugins': ['a']}"), layer("prod", "{'plugins': ['c']}")));
        assertThat(((ConfigList) at(m, "plugins")).items()).extracting(n -> ((dev.lamina.config.ConfigScalar) n).text()).containsExactly("c");
    }

    @Test
    void mergeByKeyMergesMatchingItemsAndAppendsOthers() {
        ConfigObject m = with("brokers", ListMergeStrategy.mergeByKey("name")).merge(List.of(
                layer("base", "{'brokers': [{'name': 'a', 'port': 1, 'tls': true}, {'name': 'b', 'port': 2}]}"),
                layer("prod", "{'brokers': [{'name': 'b', 'port': 20}, {'name': 'c', 'port': 3}]}")));
        ConfigList brokers = (ConfigList) at(m, "brokers");
        assertThat(brokers.size()).isEqualTo(3);
        assertThat(text(m, "brokers[0].tls")).isEqualTo("true");
        assertThat(text(m, "brokers[1].port")).isEqualTo("20");
        assertThat(text(m, "brokers[2].name")).isEqualTo("c");
    }

    @Test
    void mergeByKeyNullDeletesAFieldInsideTheMatchingItem() {
        ConfigObject m = with("brokers", ListMergeStrategy.mergeByKey("name")).merge(List.of(
                layer("base", "{'brokers': [{'name': 'a', 'port': 1, 'tls': true}]}"),
                layer("prod", "{'brokers': [{'name': 'a', 'tls': null}]}")));
        assertThat(((ConfigObject) at(m, "brokers[0]")).entries()).containsOnlyKeys("name", "port");
    }

    @Test
    void mergeByKeyRejectsAnItemWithoutTheFieldNamingPathAndOrigin() {
        TreeMerger merger = with("brokers", ListMergeStrategy.mergeByKey("name"));
        List<Layer> layers = List.of(layer("base.json", "{'brokers': [{'name': 'a'}]}"),
                layer("prod.json", "{'brokers': [{'name': 'b'}, {'port': 3}]}"));
        assertThatThrownBy(() -> merger.merge(layers))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("prod.json:1:29")
                .hasMessageContaining("brokers[1]")
                .hasMessageContaining("has no 'name' field");
    }

    @Test
    void mergeByKeyRejectsAnItemThatIsNotAnObject() {
        TreeMerger merger = with("brokers", ListMergeStrategy.mergeByKey("name"));
        assertThatThrownBy(() -> merger.merge(List.of(layer("base.json", "{'brokers': ['a']}"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("base.json:1:14 brokers[0]")
                .hasMessageContaining("holds a string where an object is expected");
    }

    @Test
    void mergeByKeyRejectsAnObjectAsTheKeyField() {
        TreeMerger merger = with("brokers", ListMergeStrategy.mergeByKey("name"));
        assertThatThrownBy(() -> merger.merge(List.of(layer("base.json", "{'brokers': [{'name': {'x': 1}}]}"))))
                .hasMessageContaining("brokers[0]")
                .hasMessageContaining("has an object as its 'name' field");
    }

    @Test
    void mergeByKeyRejectsTwoItemsWithTheSameKeyInOneLayerWithoutQuotingIt() {
        TreeMerger merger = with("users", ListMergeStrategy.mergeByKey("token"));
        assertThatThrownBy(() -> merger.merge(List.of(layer("base.json",
                "{'users': [{'token': 's3cr3t'}, {'token': 's3cr3t'}]}"))))
                .hasMessageContaining("users[1]")
                .hasMessageContaining("same 'token' as item 0")
                .hasMessageNotContaining("s3cr3t");
    }
}
