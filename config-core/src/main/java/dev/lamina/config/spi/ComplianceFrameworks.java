package dev.lamina.config.spi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Layer;

/**
 * Keeps {@code compliance.frameworks} a union where a layer declares frameworks on top of others (a profile, a
 * geographic profile, a tenant overlay). Validation reads declarations from every layer as written (a higher layer
 * cannot un-declare a framework), but the merge replaces lists by default: without this, {@code staging.yaml}'s
 * {@code [GDPR]} under a profile implying {@code [SOX]} would read as {@code [SOX]} while validation runs GDPR and
 * SOX, a value that silently disagrees with what is enforced. Each such layer that declares frameworks therefore
 * lists every framework declared in the layers below it first (the nodes keep their origins, so {@code explain} and
 * the validation report still name the file that declared each one), then its own, each framework once (names
 * compare as validation compares them: case and {@code -}, {@code _}, spaces ignored). The layers below are read as
 * written, never resolved.
 *
 * <p>Used by the profiles module's providers and by the manager's tenant views; a layer provider of yours that
 * declares frameworks can use it too. Stateless and thread-safe.
 */
public final class ComplianceFrameworks {

    /** Where frameworks are declared, the same key a user writes. */
    public static final ConfigPath PATH = ConfigPath.of("compliance", "frameworks");

    private ComplianceFrameworks() {
    }

    /**
     * @param layers the layers to add, lowest first
     * @param below  the layers under them as written, lowest first; asked for only when a layer declares frameworks
     * @return the layers, each declaration of frameworks preceded by the frameworks declared below it; the same
     *         list when none declares any
     */
    public static List<Layer> unionWithBelow(List<Layer> layers, Supplier<List<Layer>> below) {
        if (layers.stream().noneMatch(l -> declared(l.root()).isPresent())) {
            return layers;
        }
        List<ConfigNode> declared = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Layer layer : below.get()) {
            declared(layer.root()).ifPresent(items -> addNew(items, declared, seen));
        }
        List<Layer> out = new ArrayList<>(layers.size());
        for (Layer layer : layers) {
            Optional<List<ConfigNode>> own = declared(layer.root());
            if (own.isEmpty()) {
                out.add(layer);
                continue;
            }
            addNew(own.get(), declared, seen);
            ConfigNode node = ConfigTrees.find(layer.root(), PATH).orElseThrow();
            out.add(new Layer(layer.name(), withFrameworks(layer.root(), new ConfigList(List.copyOf(declared),
                    node.origin())), layer.metadata()));
        }
        return List.copyOf(out);
    }

    /** Items not declared yet, in order; a malformed item is kept for validation to report, never dropped. */
    private static void addNew(List<ConfigNode> items, List<ConfigNode> into, Set<String> seen) {
        for (ConfigNode item : items) {
            if (name(item).map(seen::add).orElse(true)) {
                into.add(item);
            }
        }
    }

    /** A list of frameworks, or one written as a scalar (as validation reads it); absent or null is no declaration. */
    private static Optional<List<ConfigNode>> declared(ConfigObject root) {
        Optional<ConfigNode> node = ConfigTrees.find(root, PATH);
        if (node.isPresent() && node.get() instanceof ConfigList list) {
            return Optional.of(list.items());
        }
        if (node.isPresent() && node.get() instanceof ConfigScalar s) {
            return Optional.of(List.of(s));
        }
        return Optional.empty();
    }

    private static Optional<String> name(ConfigNode node) {
        return node instanceof ConfigScalar s && !s.text().isBlank()
                ? Optional.of(s.text().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s_\\-]", ""))
                : Optional.empty();
    }

    /** The root with {@code compliance.frameworks} replaced (the layer is known to hold {@code compliance} as an object). */
    private static ConfigObject withFrameworks(ConfigObject root, ConfigList frameworks) {
        ConfigObject compliance = (ConfigObject) root.get("compliance").orElseThrow();
        Map<String, ConfigNode> inner = new LinkedHashMap<>(compliance.entries());
        inner.put("frameworks", frameworks);
        Map<String, ConfigNode> top = new LinkedHashMap<>(root.entries());
        top.put("compliance", new ConfigObject(inner, compliance.origin()));
        return new ConfigObject(top, root.origin());
    }
}
