package dev.lamina.config.internal.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;

/**
 * SHA-256 of a resolved tree, as a hash tree: each object or list is hashed over a canonical rendering of its
 * entries (object keys sorted, every scalar with its type and written text, every string length-prefixed, each
 * child object or list by its own digest), origins ignored. Two trees have the same hash exactly when a reader
 * could not tell them apart.
 *
 * <p>Hashing per object and list lets a computation reuse the digests of the previous tree's objects and lists
 * ({@link Digests}): nodes are immutable, so a digest stays right for as long as its node exists, and a reload
 * that shares unchanged subtrees with the tree it replaces re-hashes only the objects on the way to what changed.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /**
     * Digests of objects and lists by identity: those of the last tree hashed, plus (until the next compaction)
     * those of nodes earlier trees had and it no longer has. A computation extends the map it is given rather than
     * copying what it reuses into a new one: copying cost a walk of every shared subtree, a third of a one-leaf reload
     * of a million leaves. The map is compacted to the last tree's nodes once it holds more than twice as many
     * entries as that tree had at the previous compaction (plus {@value #SLACK}), so nodes no tree uses any more are
     * let go after a bounded number of changes. A digest is right for as long as its (immutable) node exists.
     * Not thread-safe: the next computation changes it; use it from one thread at a time (the publisher's lock).
     */
    public static final class Digests {

        /** No digests: everything is computed. Never changed. */
        public static final Digests NONE = new Digests(new IdentityHashMap<>(), 0);

        /** Entries beyond twice the live count that are tolerated before a compaction. */
        static final int SLACK = 1024;

        private final Map<ConfigNode, byte[]> byNode;
        private final int liveAtCompaction;

        private Digests(Map<ConfigNode, byte[]> byNode, int liveAtCompaction) {
            this.byNode = byNode;
            this.liveAtCompaction = liveAtCompaction;
        }

        /** @return the number of digests held (for tests of the compaction) */
        int size() {
            return byNode.size();
        }
    }

    /**
     * @param hash    the lower-case hex SHA-256
     * @param digests the digests of the tree's objects and lists, for the next computation
     */
    public record Result(String hash, Digests digests) {
    }

    /**
     * @param root a tree
     * @return its lower-case hex hash
     */
    public static String of(ConfigObject root) {
        return of(root, Digests.NONE).hash();
    }

    /**
     * @param root     a tree
     * @param previous digests of an earlier tree, reused for the nodes the two share and extended with the rest
     *                 (pass the returned digests to the next computation, not this one)
     * @return the hash, and digests that cover {@code root}'s objects and lists
     */
    public static Result of(ConfigObject root, Digests previous) {
        boolean fresh = previous == Digests.NONE;
        Map<ConfigNode, byte[]> known = fresh ? new IdentityHashMap<>() : previous.byNode;
        Computation c = new Computation(known);
        byte[] digest = c.digest(root);
        String hash = HexFormat.of().formatHex(digest);
        if (fresh) {
            return new Result(hash, new Digests(known, known.size()));
        }
        if (known.size() <= 2L * previous.liveAtCompaction + Digests.SLACK) {
            return new Result(hash, previous);
        }
        Map<ConfigNode, byte[]> live = new IdentityHashMap<>();
        live.put(root, digest);
        carry(root, known, live);
        return new Result(hash, new Digests(live, live.size()));
    }

    /** Copies the digests of every object and list below {@code container} (all in {@code from}) into {@code to}. */
    private static void carry(ConfigNode container, Map<ConfigNode, byte[]> from, Map<ConfigNode, byte[]> to) {
        Iterable<ConfigNode> children = container instanceof ConfigObject o ? o.entries().values()
                : ((ConfigList) container).items();
        for (ConfigNode child : children) {
            if (isContainer(child)) {
                byte[] d = from.get(child);
                if (d != null && to.put(child, d) == null) {
                    carry(child, from, to);
                }
            }
        }
    }

    private static boolean isContainer(ConfigNode node) {
        return node instanceof ConfigObject || node instanceof ConfigList;
    }

    private static final class Computation {
        private final Map<ConfigNode, byte[]> known;
        private final Sha256 md = new Sha256();

        Computation(Map<ConfigNode, byte[]> known) {
            this.known = known;
        }

        byte[] digest(ConfigNode container) {
            byte[] d = known.get(container);
            if (d != null) {
                return d;
            }
            Canonical out = new Canonical();
            if (container instanceof ConfigObject o) {
                String[] keys = o.entries().keySet().toArray(new String[0]);
                Arrays.sort(keys);
                out.put((byte) 'O');
                out.putInt(keys.length);
                for (String k : keys) {
                    out.putString(k);
                    child(out, o.entries().get(k));
                }
            } else {
                ConfigList l = (ConfigList) container;
                out.put((byte) 'L');
                out.putInt(l.size());
                for (ConfigNode item : l.items()) {
                    child(out, item);
                }
            }
            md.update(out.bytes, 0, out.size);
            byte[] digest = md.digest();
            known.put(container, digest);
            return digest;
        }

        private void child(Canonical out, ConfigNode node) {
            if (isContainer(node)) {
                out.put((byte) 'H');
                out.putBytes(digest(node));
            } else if (node instanceof ConfigScalar s) {
                out.put((byte) switch (s.type()) {
                    case STRING -> 'S';
                    case NUMBER -> 'N';
                    case BOOLEAN -> 'B';
                });
                out.putString(s.text());
            } else if (node instanceof ConfigNull) {
                out.put((byte) 'Z');
            }
        }
    }

    /** One object's or list's canonical rendering: a growable byte array. */
    private static final class Canonical {
        byte[] bytes = new byte[256];
        int size;

        void put(byte b) {
            ensure(1);
            bytes[size++] = b;
        }

        void putInt(int v) {
            ensure(4);
            bytes[size++] = (byte) (v >>> 24);
            bytes[size++] = (byte) (v >>> 16);
            bytes[size++] = (byte) (v >>> 8);
            bytes[size++] = (byte) v;
        }

        void putString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            putInt(b.length);
            putBytes(b);
        }

        void putBytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        private void ensure(int n) {
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
            }
        }
    }
}
