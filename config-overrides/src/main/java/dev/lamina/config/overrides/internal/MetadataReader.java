package dev.lamina.config.overrides.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;
import dev.lamina.config.overrides.OverrideConditions;
import dev.lamina.config.overrides.OverrideMetadata;
import dev.lamina.config.spi.ConfigTrees;
import dev.lamina.config.spi.Suggestions;

/**
 * Reads and checks an override file's {@code _metadata:} block. Every mistake (an unknown key, an unknown condition,
 * a priority out of range, a value of the wrong kind) fails with the file, line and column, and a suggestion where one
 * is near.
 */
public final class MetadataReader {

    /** The key of the block. */
    public static final String KEY = "_metadata";

    /** Override names: as environment names. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private static final List<String> KEYS = List.of("priority", "description", "owner", "conditions", "depends_on");
    private static final List<String> CONDITIONS = List.of("environments", "env_vars", "config");

    private MetadataReader() {
    }

    /**
     * What a file holds.
     *
     * @param metadata      the checked metadata
     * @param dependsOn     each dependency with where it is written
     * @param configuration the file without its block
     */
    public record Read(OverrideMetadata metadata, List<Named> dependsOn, ConfigObject configuration) {
    }

    /**
     * A name written in a file.
     *
     * @param name   the name
     * @param origin where
     */
    public record Named(String name, Origin origin) {
    }

    /**
     * @param root a parsed override file
     * @return its metadata and configuration
     * @throws ConfigException if the block is malformed
     */
    public static Read read(ConfigObject root) {
        Optional<ConfigNode> node = root.get(KEY);
        Map<String, ConfigNode> rest = new LinkedHashMap<>(root.entries());
        rest.remove(KEY);
        ConfigObject configuration = new ConfigObject(rest, root.origin());
        if (node.isEmpty()) {
            return new Read(new OverrideMetadata(OverrideMetadata.DEFAULT_PRIORITY, Optional.empty(), Optional.empty(),
                    OverrideConditions.NONE, List.of(), root.origin()), List.of(), configuration);
        }
        if (!(node.get() instanceof ConfigObject block)) {
            throw new ConfigException(node.get().origin(), ConfigPath.of(KEY),
                    "expected an object such as {priority: 50, conditions: {...}}, found a " + node.get().kindName());
        }
        checkKeys(block, ConfigPath.of(KEY), KEYS);
        int priority = block.get("priority").map(MetadataReader::priority).orElse(OverrideMetadata.DEFAULT_PRIORITY);
        Optional<String> description = block.get("description").map(n -> text(n, ConfigPath.of(KEY, "description")));
        Optional<String> owner = block.get("owner").map(n -> text(n, ConfigPath.of(KEY, "owner")));
        OverrideConditions conditions = block.get("conditions").map(MetadataReader::conditions)
                .orElse(OverrideConditions.NONE);
        List<Named> dependsOn = block.get("depends_on").map(n -> names(n, ConfigPath.of(KEY, "depends_on"), true))
                .orElse(List.of());
        OverrideMetadata metadata = new OverrideMetadata(priority, description, owner, conditions,
                dependsOn.stream().map(Named::name).toList(), block.origin());
        return new Read(metadata, dependsOn, configuration);
    }

    private static void checkKeys(ConfigObject block, ConfigPath at, List<String> known) {
        for (Map.Entry<String, ConfigNode> e : block.entries().entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new ConfigException(e.getValue().origin(), at.child(e.getKey()), "unknown "
                        + (at.toString().endsWith("conditions") ? "condition" : "metadata key") + "; recognised: "
                        + String.join(", ", known) + Suggestions.didYouMean(e.getKey(), known));
            }
        }
    }

    private static int priority(ConfigNode node) {
        ConfigPath path = ConfigPath.of(KEY, "priority");
        if (!(node instanceof ConfigScalar s) || s.type() == ScalarType.BOOLEAN) {
            throw new ConfigException(node.origin(), path, "expected an integer 0..1000, found a " + node.kindName());
        }
        int value;
        try {
            value = Integer.parseInt(s.text().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(s.origin(), path, "expected an integer 0..1000 (fix: write a whole number such "
                    + "as 50)");
        }
        if (value < OverrideMetadata.MIN_PRIORITY || value > OverrideMetadata.MAX_PRIORITY) {
            throw new ConfigException(s.origin(), path, "priority " + value + " is outside 0..1000 (higher applies "
                    + "later and wins)");
        }
        return value;
    }

    private static OverrideConditions conditions(ConfigNode node) {
        ConfigPath at = ConfigPath.of(KEY, "conditions");
        if (!(node instanceof ConfigObject obj)) {
            throw new ConfigException(node.origin(), at, "expected an object of conditions ("
                    + String.join(", ", CONDITIONS) + "), found a " + node.kindName());
        }
        checkKeys(obj, at, CONDITIONS);
        List<String> environments = obj.get("environments")
                .map(n -> names(n, at.child("environments"), false).stream()
                        .map(x -> x.name().toLowerCase(Locale.ROOT)).toList()).orElse(List.of());
        List<String> envVars = obj.get("env_vars")
                .map(n -> names(n, at.child("env_vars"), false).stream().map(Named::name).toList()).orElse(List.of());
        Map<String, String> config = new LinkedHashMap<>();
        Optional<ConfigNode> values = obj.get("config");
        if (values.isPresent()) {
            if (!(values.get() instanceof ConfigObject required)) {
                throw new ConfigException(values.get().origin(), at.child("config"), "expected an object of "
                        + "path: value, such as {deployment.container: true}, found a " + values.get().kindName());
            }
            // Both {a.b: 1} and {a: {b: 1}} name path a.b.
            for (Map.Entry<ConfigPath, ConfigNode> leaf : ConfigTrees.leaves(required).entrySet()) {
                if (!(leaf.getValue() instanceof ConfigScalar s)) {
                    throw new ConfigException(leaf.getValue().origin(), at.child("config"), "expected a scalar value "
                            + "for " + leaf.getKey() + ", found a " + leaf.getValue().kindName());
                }
                String path = leaf.getKey().toString();
                // A dotted key is one segment when written flat; its text is the path the user meant.
                config.put(path.replace("\"", ""), s.text());
            }
        }
        return new OverrideConditions(environments, envVars, config);
    }

    private static String text(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            return s.text();
        }
        throw new ConfigException(node.origin(), path, "expected a string, found a " + node.kindName());
    }

    private static List<Named> names(ConfigNode node, ConfigPath path, boolean overrideNames) {
        List<Named> out = new ArrayList<>();
        List<ConfigNode> items = node instanceof ConfigList list ? list.items() : List.of(node);
        for (int i = 0; i < items.size(); i++) {
            ConfigNode item = items.get(i);
            if (!(item instanceof ConfigScalar s)) {
                throw new ConfigException(item.origin(), path, "expected a name or a list of names, found a "
                        + item.kindName());
            }
            String name = s.text().trim();
            if (overrideNames && !NAME.matcher(name).matches()) {
                throw new ConfigException(s.origin(), path, "invalid override name: it must be a letter or digit "
                        + "followed by at most 63 letters, digits, '_' or '-'");
            }
            out.add(new Named(name, s.origin()));
        }
        return out;
    }
}
