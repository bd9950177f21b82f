package dev.lamina.config.internal.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.internal.bind.ScalarSyntax;

/**
 * Canonical path text to node, with each scalar's {@code int} value (when its text is one) kept beside it, so that
 * {@code getInt} is a single probe with no boxing. Open addressing with linear probing in three parallel arrays.
 *
 * <p>The next version's index ({@link #following}) shares this one's arrays and records what changed in a small
 * overlay of the same shape (a removed path is a tombstone there), probed first. Copying the three arrays for every
 * reload cost a 32 MB allocation per one-leaf reload of a million leaves, and the garbage collector's work on those
 * large arrays made such a reload cost 40 % of a full load; the overlay costs the paths that changed. Once the
 * overlay outgrows an eighth of the arrays (at most {@value #MAX_OVERLAY} paths), the next version folds it into a
 * copy of the arrays. Only indexes of at least {@value #OVERLAY_FROM} paths get overlays: smaller ones fold at once.
 * A lookup without an overlay is one probe, as before; with one, a probe of the (small) overlay first.
 *
 * <p>Filled by one thread before the configuration that owns it is published (through a final field), then only
 * read. Not thread-safe while being filled.
 */
final class PathIndex {

    /** {@link #intAt} of a path whose node is not an int scalar, or that is absent. */
    static final long NOT_AN_INT = ScalarSyntax.NOT_AN_INT;

    /** Marks a path removed in an overlay (compared by identity only). */
    private static final ConfigNode REMOVED = new ConfigNull(Origin.of("<removed from the index>"));
    /**
     * Indexes of fewer paths than this fold every change at once, as before overlays existed: copying their arrays
     * costs little (under 1 MB), and their lookups stay one probe after a reload.
     */
    static final int OVERLAY_FROM = 1 << 16;
    /** The most paths an overlay holds before it is folded into a copy of the arrays. */
    static final int MAX_OVERLAY = 16_384;

    private String[] keys;
    private ConfigNode[] nodes;
    private long[] ints;
    /** Entries in the arrays (tombstones of an overlay included). */
    private int size;
    /** The changes since the arrays (shared with an earlier version) were filled, or {@code null}. */
    private PathIndex overlay;
    /** Paths present, with an overlay; without one, {@link #size}. */
    private int live;

    private PathIndex(int capacity) {
        keys = new String[capacity];
        nodes = new ConfigNode[capacity];
        ints = new long[capacity];
        Arrays.fill(ints, NOT_AN_INT);
    }

    private PathIndex(PathIndex other) {
        keys = other.keys.clone();
        nodes = other.nodes.clone();
        ints = other.ints.clone();
        size = other.size;
        overlay = other.overlay == null ? null : other.overlay.copy();
        live = other.live;
    }

    /** An index over {@code base}'s arrays (shared, never written again) with {@code overlay} on top. */
    private PathIndex(PathIndex base, PathIndex overlay, int live) {
        keys = base.keys;
        nodes = base.nodes;
        ints = base.ints;
        size = base.size;
        this.overlay = overlay;
        this.live = live;
    }

    /** @return an empty index */
    static PathIndex empty() {
        return new PathIndex(64);
    }

    /** @return an independent copy, to update into the index of a next version */
    PathIndex copy() {
        return new PathIndex(this);
    }

    /**
     * @param root a tree
     * @return the index of every node of {@code root}, built from scratch
     */
    static PathIndex of(ConfigNode root) {
        // Sized for the tree up front: growing by doubling rehashed every path about twice, a twentieth of a
        // 100k-leaf load (issue 11); counting the nodes first is one cheap walk.
        PathIndex out = new PathIndex(capacityFor(count(root)));
        out.add(root, ConfigPath.root());
        return out;
    }

    /** The smallest power of two that keeps {@code paths} entries at most half full (as {@link #put} keeps it). */
    private static int capacityFor(int paths) {
        int capacity = 64;
        while (capacity < Integer.MAX_VALUE / 2 && (paths + 1) * 2L > capacity) {
            capacity <<= 1;
        }
        return capacity;
    }

    private static int count(ConfigNode node) {
        int n = 1;
        if (node instanceof ConfigObject o) {
            for (ConfigNode child : o.entries().values()) {
                n += count(child);
            }
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                n += count(l.items().get(i));
            }
        }
        return n;
    }

    /**
     * The index of {@code fresh}, built from this index of {@code old} by visiting only what the two trees do not
     * share (by reference): a reload that changes one value re-indexes the path down to it, not the whole tree.
     * The result equals {@link #of(ConfigNode) of(fresh)}. This index is not changed.
     *
     * @param old   the tree this index was built for
     * @param fresh the tree to index, sharing unchanged subtrees with {@code old}
     * @return a new index
     */
    PathIndex following(ConfigNode old, ConfigNode fresh) {
        return following(old, fresh, size < OVERLAY_FROM ? 0 : Math.min(size / 8, MAX_OVERLAY));
    }

    /**
     * As {@link #following(ConfigNode, ConfigNode)}, folding the overlay once it holds more than {@code maxOverlay}
     * entries (tests use small bounds to fold often).
     *
     * @param old        the tree this index was built for
     * @param fresh      the tree to index
     * @param maxOverlay the most entries the result's overlay may hold
     * @return a new index
     */
    PathIndex following(ConfigNode old, ConfigNode fresh, int maxOverlay) {
        PathIndex next = new PathIndex(this, overlay == null ? empty() : overlay.copy(), size());
        next.reindex(old, fresh, ConfigPath.root());
        if (next.overlay.size == 0) {
            next.overlay = null; // nothing changed: the same arrays, and lookups stay one probe
            return next;
        }
        return next.overlay.size > maxOverlay ? next.folded() : next;
    }

    /** @return a flat index of the same paths: a copy of the arrays with the overlay applied */
    private PathIndex folded() {
        PathIndex flat = new PathIndex(this, null, 0);
        flat.keys = keys.clone();
        flat.nodes = nodes.clone();
        flat.ints = ints.clone();
        PathIndex o = overlay;
        for (int i = 0; i < o.keys.length; i++) {
            if (o.keys[i] != null) {
                if (o.nodes[i] == REMOVED) {
                    flat.remove(o.keys[i]);
                } else {
                    flat.put(o.keys[i], o.nodes[i]);
                }
            }
        }
        return flat;
    }

    /** @return the number of paths */
    int size() {
        return overlay == null ? size : live;
    }

    /**
     * @param path canonical path text
     * @return the node, or {@code null}
     */
    ConfigNode get(String path) {
        PathIndex o = overlay;
        if (o != null) {
            int j = o.slot(path);
            if (j >= 0) {
                ConfigNode n = o.nodes[j];
                return n == REMOVED ? null : n;
            }
        }
        int i = slot(path);
        return i < 0 ? null : nodes[i];
    }

    /**
     * @param path canonical path text
     * @return the int value of the scalar there, or {@link #NOT_AN_INT}
     */
    long intAt(String path) {
        PathIndex o = overlay;
        if (o != null) {
            int j = o.slot(path);
            if (j >= 0) {
                return o.ints[j]; // NOT_AN_INT for a tombstone
            }
        }
        int i = slot(path);
        return i < 0 ? NOT_AN_INT : ints[i];
    }

    /**
     * @param path canonical path text
     * @param node the node there (replacing any)
     */
    void put(String path, ConfigNode node) {
        if (overlay != null) {
            if (get(path) == null) {
                live++;
            }
            overlay.put(path, node);
            return;
        }
        long asInt = node instanceof ConfigScalar s ? ScalarSyntax.parseIntOrSentinel(s.text()) : NOT_AN_INT;
        if ((size + 1) * 2 > keys.length) {
            grow(); // before probing, so that one probe finds the path or the free slot it goes to
        }
        String[] k = keys;
        int mask = k.length - 1;
        int h = path.hashCode();
        int j = spread(h) & mask;
        String present;
        while ((present = k[j]) != null) {
            if (present == path || present.hashCode() == h && present.equals(path)) {
                nodes[j] = node;
                ints[j] = asInt;
                return;
            }
            j = (j + 1) & mask;
        }
        k[j] = path;
        nodes[j] = node;
        ints[j] = asInt;
        size++;
    }

    /** @param path canonical path text to drop, if present */
    void remove(String path) {
        if (overlay != null) {
            if (get(path) != null) {
                live--;
                overlay.put(path, REMOVED);
            }
            return;
        }
        int i = slot(path);
        if (i < 0) {
            return;
        }
        size--;
        // Backward-shift deletion: move later entries of the probe run into the hole so no lookup stops early.
        int mask = keys.length - 1;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (keys[j] == null) {
                break;
            }
            int home = spread(keys[j].hashCode()) & mask;
            boolean movable = i <= j ? home <= i || home > j : home <= i && home > j;
            if (movable) {
                keys[i] = keys[j];
                nodes[i] = nodes[j];
                ints[i] = ints[j];
                i = j;
            }
        }
        keys[i] = null;
        nodes[i] = null;
        ints[i] = NOT_AN_INT;
    }

    /** @return every path, in no particular order */
    List<String> paths() {
        List<String> out = new ArrayList<>(size());
        forEachEntry((k, i) -> out.add(k));
        return out;
    }

    /** @return the index as a map (for tests) */
    Map<String, ConfigNode> toMap() {
        Map<String, ConfigNode> out = new HashMap<>();
        forEachEntry((k, i) -> out.put(k, get(k)));
        return out;
    }

    /** @return the int values as a map (for tests) */
    Map<String, Integer> intsToMap() {
        Map<String, Integer> out = new HashMap<>();
        forEachEntry((k, i) -> {
            long v = intAt(k);
            if (v != NOT_AN_INT) {
                out.put(k, (int) v);
            }
        });
        return out;
    }

    /** Every path present once: the overlay's (without tombstones), then the arrays' it does not override. */
    private void forEachEntry(java.util.function.ObjIntConsumer<String> action) {
        PathIndex o = overlay;
        if (o != null) {
            for (int i = 0; i < o.keys.length; i++) {
                if (o.keys[i] != null && o.nodes[i] != REMOVED) {
                    action.accept(o.keys[i], i);
                }
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && (o == null || o.slot(keys[i]) < 0)) {
                action.accept(keys[i], i);
            }
        }
    }

    private int slot(String path) {
        String[] k = keys;
        int mask = k.length - 1;
        int h = path.hashCode();
        int i = spread(h) & mask;
        String s;
        while ((s = k[i]) != null) {
            if (s == path || s.hashCode() == h && s.equals(path)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private void grow() {
        String[] oldKeys = keys;
        ConfigNode[] oldNodes = nodes;
        long[] oldInts = ints;
        int capacity = oldKeys.length * 2;
        keys = new String[capacity];
        nodes = new ConfigNode[capacity];
        ints = new long[capacity];
        Arrays.fill(ints, NOT_AN_INT);
        int mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int j = spread(oldKeys[i].hashCode()) & mask;
                while (keys[j] != null) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[i];
                nodes[j] = oldNodes[i];
                ints[j] = oldInts[i];
            }
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** Updates an index of {@code old} (and its int view) to one of {@code fresh}, skipping shared subtrees. */
    private void reindex(ConfigNode old, ConfigNode fresh, ConfigPath path) {
        if (old == fresh) {
            return;
        }
        String key = path.toString();
        put(key, fresh);
        if (old instanceof ConfigObject o && fresh instanceof ConfigObject f) {
            for (Map.Entry<String, ConfigNode> e : f.entries().entrySet()) {
                ConfigNode before = o.entries().get(e.getKey());
                ConfigPath child = path.child(e.getKey());
                if (before == null) {
                    add(e.getValue(), child);
                } else {
                    reindex(before, e.getValue(), child);
                }
            }
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                if (!f.entries().containsKey(e.getKey())) {
                    remove(e.getValue(), path.child(e.getKey()));
                }
            }
        } else if (old instanceof ConfigList o && fresh instanceof ConfigList f) {
            for (int i = 0; i < f.size(); i++) {
                if (i < o.size()) {
                    reindex(o.items().get(i), f.items().get(i), path.child(i));
                } else {
                    add(f.items().get(i), path.child(i));
                }
            }
            for (int i = f.size(); i < o.size(); i++) {
                remove(o.items().get(i), path.child(i));
            }
        } else {
            // A different kind of node: drop everything below the old one, then index everything below the new.
            removeBelow(old, path);
            addBelow(fresh, path);
        }
    }

    private void add(ConfigNode node, ConfigPath path) {
        String key = path.toString();
        put(key, node);
        addBelow(node, path);
    }

    // The walks below are loops rather than a visitor lambda: every load indexes its tree, and each lambda is a
    // class spun at run time (a cold-start cost).
    private void addBelow(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigObject o) {
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                add(e.getValue(), path.child(e.getKey()));
            }
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                add(l.items().get(i), path.child(i));
            }
        }
    }

    private void remove(ConfigNode node, ConfigPath path) {
        String key = path.toString();
        remove(key);
        removeBelow(node, path);
    }

    private void removeBelow(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigObject o) {
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                remove(e.getValue(), path.child(e.getKey()));
            }
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                remove(l.items().get(i), path.child(i));
            }
        }
    }
}
