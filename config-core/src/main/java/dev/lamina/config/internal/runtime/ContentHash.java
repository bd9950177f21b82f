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
     * The digests of every object and list of one tree, by identity. Immutable once returned.
     */
    public static final class Digests {

        /** No digests: everything is computed. */
        public static final Digests NONE = new Digests(new IdentityHashMap<>());

        private final Map<ConfigNode, byte[]> byNode;

        private Digests(Map<ConfigNode, byte[]> byNode) {
            this.byNode = byNode;
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
     * @param previous digests of an earlier tree, reused for the nodes the two share
     * @return the hash, and the digests of {@code root}'s objects and lists
     */
    public static Result of(ConfigObject root, Digests previous) {
        Computation c = new Computation(previous.byNode);
        byte[] digest = c.digest(root);
        return new Result(HexFormat.of().formatHex(digest), new Digests(c.next));
    }

    private static boolean isContainer(ConfigNode node) {
        return node instanceof ConfigObject || node instanceof ConfigList;
    }

    private static final class Computation {
        private final Map<ConfigNode, byte[]> previous;
        private final Map<ConfigNode, byte[]> next = new IdentityHashMap<>();
        private final Sha256 md = new Sha256();

        Computation(Map<ConfigNode, byte[]> previous) {
            this.previous = previous;
        }

        byte[] digest(ConfigNode container) {
            byte[] known = previous.get(container);
            if (known != null) {
                next.put(container, known);
                carry(container);
                return known;
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
            next.put(container, digest);
            return digest;
        }

        /** Every object and list below a reused one was in the previous digests too: keep them for next time. */
        private void carry(ConfigNode container) {
            Iterable<ConfigNode> children = container instanceof ConfigObject o ? o.entries().values()
                    : ((ConfigList) container).items();
            for (ConfigNode child : children) {
                if (isContainer(child)) {
                    byte[] d = previous.get(child);
                    if (d != null) {
                        next.put(child, d);
                        carry(child);
                    }
                }
            }
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
