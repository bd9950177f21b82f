package dev.lamina.config.internal.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Origin;

/**
 * Assembles a tree from flat {@code path → value} entries, as flat sources need (properties files, environment
 * variables, system properties, maps keyed by dotted paths). Entries never overwrite each other: a second value
 * at the same path, or a value where another entry needs an object (or the reverse), is reported as a
 * {@link Conflict} and the tree is left unchanged, so each caller decides (reject, or keep the first and warn).
 *
 * <p>When the tree is built, an object whose keys are exactly {@code 0 .. n-1} becomes a list, so that
 * {@code hosts.0=a} and {@code hosts.1=b} (or {@code LAMINA_HOSTS_0}) give {@code hosts: [a, b]}.
 *
 * <p>Mutable builder, confined to one thread.
 */
public final class PathTree {

    /**
     * Why an entry was not added.
     *
     * @param kind     what clashed
     * @param existing the path of the entry already in the tree
     * @param origin   where that entry came from
     */
    public record Conflict(Kind kind, ConfigPath existing, Origin origin) {
    }

    /** The kinds of clash. */
    public enum Kind {
        /** A value is already set at the same path. */
        DUPLICATE,
        /** The new entry lies below a path that already holds a value. */
        BELOW_VALUE,
        /** The new entry is a value at a path that already has entries below it. */
        ABOVE_ENTRIES
    }

    private final Branch root;

    /** @param rootOrigin the origin of the built root object */
    public PathTree(Origin rootOrigin) {
        this.root = new Branch(Objects.requireNonNull(rootOrigin, "rootOrigin"));
    }

    /**
     * Adds a value.
     *
     * @param segments the path, at least one segment
     * @param value    the node to place there
     * @return the conflict if the value could not be added; empty when it was added
     */
    public Optional<Conflict> put(List<String> segments, ConfigNode value) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a value needs a non-empty path");
        }
        Branch branch = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            Object child = branch.children.get(segments.get(i));
            if (child == null) {
                Branch created = new Branch(value.origin());
                branch.children.put(segments.get(i), created);
                branch = created;
            } else if (child instanceof Branch b) {
                branch = b;
            } else {
                ConfigNode leaf = (ConfigNode) child;
                return Optional.of(new Conflict(Kind.BELOW_VALUE, ConfigPath.of(segments.subList(0, i + 1)),
                        leaf.origin()));
            }
        }
        String last = segments.get(segments.size() - 1);
        Object existing = branch.children.get(last);
        if (existing == null) {
            branch.children.put(last, value);
            return Optional.empty();
        }
        if (existing instanceof Branch b) {
            return Optional.of(new Conflict(Kind.ABOVE_ENTRIES, ConfigPath.of(segments), b.origin));
        }
        return Optional.of(new Conflict(Kind.DUPLICATE, ConfigPath.of(segments), ((ConfigNode) existing).origin()));
    }

    /**
     * Makes sure an (possibly empty) object exists at a path.
     *
     * @param segments the path
     * @param origin   the origin to give the object if it is created
     * @return the conflict when a value already sits on the way; empty otherwise
     */
    public Optional<Conflict> ensureObject(List<String> segments, Origin origin) {
        Branch branch = root;
        for (int i = 0; i < segments.size(); i++) {
            Object child = branch.children.get(segments.get(i));
            if (child == null) {
                Branch created = new Branch(origin);
                branch.children.put(segments.get(i), created);
                branch = created;
            } else if (child instanceof Branch b) {
                branch = b;
            } else {
                return Optional.of(new Conflict(i == segments.size() - 1 ? Kind.DUPLICATE : Kind.BELOW_VALUE,
                        ConfigPath.of(segments.subList(0, i + 1)), ((ConfigNode) child).origin()));
            }
        }
        return Optional.empty();
    }

    /** @return the immutable tree assembled so far */
    public ConfigObject build() {
        return root.toObject();
    }

    private static final class Branch {
        final Origin origin;
        final Map<String, Object> children = new LinkedHashMap<>();

        Branch(Origin origin) {
            this.origin = origin;
        }

        ConfigObject toObject() {
            Map<String, ConfigNode> out = new LinkedHashMap<>();
            children.forEach((k, v) -> out.put(k, v instanceof Branch b ? b.toNode() : (ConfigNode) v));
            return new ConfigObject(out, origin);
        }

        ConfigNode toNode() {
            ConfigObject object = toObject();
            if (object.isEmpty() || !isIndexRange(object.entries().keySet().stream().toList())) {
                return object;
            }
            List<ConfigNode> items = new ArrayList<>(object.entries().size());
            for (int i = 0; i < object.entries().size(); i++) {
                items.add(object.entries().get(Integer.toString(i)));
            }
            return new ConfigList(items, origin);
        }

        private static boolean isIndexRange(List<String> keys) {
            boolean[] seen = new boolean[keys.size()];
            for (String k : keys) {
                if (k.isEmpty() || k.length() > 9 || !k.chars().allMatch(c -> c >= '0' && c <= '9')
                        || k.length() > 1 && k.charAt(0) == '0') {
                    return false;
                }
                int i = Integer.parseInt(k);
                if (i >= seen.length || seen[i]) {
                    return false;
                }
                seen[i] = true;
            }
            return true;
        }
    }
}
