package dev.lamina.config.internal.resolve;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.ValueResolver;

/** Small builders for resolver tests: trees whose scalars carry distinct origins, and settings over a map. */
final class Trees {

    private Trees() {
    }

    static final Origin ROOT = Origin.of("config/base.yaml", 1, 1);

    /** @param keyValues alternating dotted paths and values (String, ConfigNode, List of String) */
    static ConfigObject tree(Object... keyValues) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            List<String> segments = ConfigPath.parse((String) keyValues[i]).segments();
            Map<String, Object> parent = root;
            for (String s : segments.subList(0, segments.size() - 1)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) parent.computeIfAbsent(s, k -> new LinkedHashMap<>());
                parent = next;
            }
            parent.put(segments.get(segments.size() - 1), keyValues[i + 1]);
        }
        return (ConfigObject) build(root, new int[] {1});
    }

    private static ConfigNode build(Object value, int[] line) {
        Origin origin = Origin.of("config/base.yaml", line[0]++, 3);
        if (value instanceof ConfigNode node) {
            return node;
        }
        if (value instanceof String s) {
            return ConfigScalar.string(s, origin);
        }
        if (value instanceof List<?> items) {
            return new ConfigList(items.stream().map(v -> build(v, line)).toList(), origin);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        map.forEach((k, v) -> entries.put(k, build(v, line)));
        return new ConfigObject(entries, origin);
    }

    static ConfigScalar number(String text) {
        return new ConfigScalar(text, ScalarType.NUMBER, Origin.of("config/base.yaml", 99, 3));
    }

    static ResolveSettings settings(Map<String, String> env) {
        return settings(env, Path.of("."), Map.of());
    }

    static ResolveSettings settings(Map<String, String> env, Path base, Map<String, ValueResolver> resolvers) {
        return new ResolveSettings(name -> Optional.ofNullable(env.get(name)), resolvers, base, SecretPolicy.DEFAULT);
    }

    static ConfigNode at(ConfigObject tree, String path) {
        ConfigNode node = tree;
        for (String s : ConfigPath.parse(path).segments()) {
            node = node instanceof ConfigList l ? l.items().get(Integer.parseInt(s)) : ((ConfigObject) node).entries().get(s);
        }
        return node;
    }

    static String text(ConfigObject tree, String path) {
        return ((ConfigScalar) at(tree, path)).text();
    }

    /** A resolver that knows the prefix it is meant to be registered under (the SPI takes it at registration). */
    interface Prefixed extends ValueResolver {
        String prefix();
    }

    static Prefixed resolver(String prefix, Map<String, String> values) {
        return new Prefixed() {
            @Override
            public String prefix() {
                return prefix;
            }

            @Override
            public Optional<dev.lamina.config.ResolvedValue> resolve(String key, dev.lamina.config.ValueContext context) {
                return Optional.ofNullable(values.get(key)).map(dev.lamina.config.ResolvedValue::plain);
            }
        };
    }
}
