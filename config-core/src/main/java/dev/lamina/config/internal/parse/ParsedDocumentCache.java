package dev.lamina.config.internal.parse;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.ToLongBiFunction;
import java.util.Arrays;
import java.util.Objects;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.internal.cache.BoundedCache;
import dev.lamina.config.internal.tree.Sharing;

/**
 * The last parsed document of each source name, so that a reload re-parses only the files whose content changed.
 * A hit needs the same name, format, limits and exact bytes: the tree is a pure function of those (the source name
 * is in every origin), and trees are immutable, so a hit is indistinguishable from a fresh parse. New bytes under a
 * name replace that name's entry, so an edited file never leaves its earlier versions behind (a file edited a
 * thousand times holds one tree, not a thousand). Failures are not cached.
 *
 * <p>An entry of up to {@link #MAX_BYTES_COMPARED} holds the bytes themselves and compares them in full, rather than
 * a digest: no collision can serve a stale tree, and comparing a few KB is cheaper than hashing them. A larger
 * document is held by its length and SHA-256 (a collision is not a practical risk; holding tens of MB of bytes
 * beside the tree is a real cost). Bounded by total bytes held
 * ({@link #DEFAULT_MAX_BYTES}), for directories with many tenant files. One instance per owner (no static state);
 * thread-safe.
 */
public final class ParsedDocumentCache implements DocumentParsing {

    /**
     * Documents up to this size are kept and compared in full; a larger one is kept as its SHA-256. A generated
     * file of a million leaves is ~25 MB: holding its bytes would outweigh the bound below, so it was never cached
     * and every reload re-parsed it (a reload that changed one leaf of another file cost a whole load), while hashing
     * it costs a few percent of a parse. Small files, the usual case, keep the exact comparison and never touch the
     * security providers (start-up cost).
     */
    static final int MAX_BYTES_COMPARED = 1024 * 1024;

    /** The default bound on the bytes of the documents held (their trees are kept alongside). */
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;

    private final BoundedCache<String, Entry> cache;

    /** A cache bounded by {@link #DEFAULT_MAX_BYTES}. */
    public ParsedDocumentCache() {
        this(DEFAULT_MAX_BYTES);
    }

    /**
     * @param maxBytes the bound on the total size of the documents held; positive
     * @throws IllegalArgumentException if {@code maxBytes} is not positive
     */
    public ParsedDocumentCache(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.cache = BoundedCache.ofWeight(maxBytes, new Weigher());
    }

    /**
     * Parses a document, or returns the tree parsed earlier from the same name, format, limits and bytes.
     *
     * @param sourceName the name used in origins and messages
     * @param format     the format
     * @param content    the bytes; not modified, and copied into the entry
     * @param limits     the parse limits
     * @return the tree, with origins naming {@code sourceName}
     * @throws dev.lamina.config.ConfigException as {@link DocumentParser#parse(String, Format, byte[], ParseLimits)}
     */
    @Override
    public ConfigObject parse(String sourceName, Format format, byte[] content, ParseLimits limits) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(limits, "limits");
        Entry last = cache.getIfPresent(sourceName);
        byte[] digest = content.length > MAX_BYTES_COMPARED ? sha256(content) : null;
        if (last != null && last.format == format && last.limits.equals(limits) && last.length == content.length
                && (digest == null ? Arrays.equals(last.content, content) : Arrays.equals(last.digest, digest))) {
            return last.tree;
        }
        // Parse outside the cache's compute so that a failure propagates untouched and is never stored; the entry
        // gets its own copy of the bytes so that a caller reusing its buffer cannot change it.
        ConfigObject parsed = DocumentParser.parse(sourceName, format, content, limits);
        if (last != null) {
            // An edited file shares its unchanged subtrees with its previous parse: the versions a history keeps
            // hold their layers, and a one-leaf edit of a large file would otherwise keep a whole tree per version.
            parsed = Sharing.share(parsed, last.tree);
        }
        cache.put(sourceName, digest == null
                ? new Entry(format, limits, content.clone(), null, content.length, parsed)
                : new Entry(format, limits, null, digest, content.length, parsed));
        return parsed;
    }

    /** @return the number of documents held (approximate, for tests and metrics) */
    public long size() {
        return cache.size();
    }

    /** An entry's weight: its bytes. A class, not a method reference: a lambda is spun at run time (cold start). */
    private static final class Weigher implements ToLongBiFunction<String, Entry> {
        @Override
        public long applyAsLong(String name, Entry e) {
            return e.content == null ? e.digest.length + 1L : e.content.length + 1L;
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** Either {@code content} (compared in full) or {@code digest} (its SHA-256) is set. */
    private record Entry(Format format, ParseLimits limits, byte[] content, byte[] digest, int length,
                         ConfigObject tree) {
    }
}
