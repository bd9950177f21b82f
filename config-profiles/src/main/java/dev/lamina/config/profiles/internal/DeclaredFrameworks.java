package dev.lamina.config.profiles.internal;

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
import dev.lamina.config.Configuration;
import dev.lamina.config.Layer;
import dev.lamina.config.spi.ConfigTrees;

/**
 * Keeps {@code compliance.frameworks} a union where profiles declare it. Validation reads declarations from every
 * layer as written (a higher layer cannot un-declare a framework), but the merge replaces lists by default: without
 * this, {@code staging.yaml}'s {@code [GDPR]} under a profile implying {@code [SOX]} would read as {@code [SOX]}
 * while validation runs GDPR and SOX, a value that silently disagrees with what is enforced. Each profile or region
 * layer that lists frameworks therefore lists those below it first (the nodes keep their origins, so {@code explain}
 * and the validation report still name the file that declared each one), then its own, each framework once.
 */
public final class DeclaredFrameworks {

    /** Where frameworks are declared, the same key a user writes. */
    public static final ConfigPath PATH = ConfigPath.of("compliance", "frameworks");

    private DeclaredFrameworks() {
    }

    /**
     * @param layers the layers to add, lowest first
     * @param below  the configuration under them; asked for only when a layer lists frameworks
     * @return the layers, each list of frameworks preceded by the frameworks declared below it
     * @throws dev.lamina.config.ConfigException if the configuration below cannot be built
     */
    public static List<Layer> unionWithBelow(List<Layer> layers, Supplier<Configuration> below) {
        if (layers.stream().noneMatch(l -> list(l.root()).isPresent())) {
            return layers;
        }
        List<ConfigNode> declared = list(below.get().root()).map(ConfigList::items).orElse(List.of());
        List<Layer> out = new ArrayList<>(layers.size());
        for (Layer layer : layers) {
            Optional<ConfigList> own = list(layer.root());
            if (own.isEmpty()) {
                out.add(layer);
                continue;
            }
            List<ConfigNode> union = new ArrayList<>(declared);
            Set<String> seen = new HashSet<>();
            declared.forEach(n -> name(n).ifPresent(seen::add));
            for (ConfigNode item : own.get().items()) {
                // A malformed item is kept for validation to report (compliance.declaration), never dropped.
                if (name(item).map(seen::add).orElse(true)) {
                    union.add(item);
                }
            }
            declared = List.copyOf(union);
            out.add(new Layer(layer.name(), withFrameworks(layer.root(), new ConfigList(union, own.get().origin())),
                    layer.metadata()));
        }
        return List.copyOf(out);
    }

    private static Optional<ConfigList> list(ConfigObject root) {
        return ConfigTrees.find(root, PATH).filter(ConfigList.class::isInstance).map(ConfigList.class::cast);
    }

    private static Optional<String> name(ConfigNode node) {
        return node instanceof ConfigScalar s && !s.text().isBlank()
                ? Optional.of(ProfileBlock.normaliseFramework(s.text()))
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
