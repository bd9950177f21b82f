package dev.lamina.config.internal.parse;

import java.util.Arrays;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;

/**
 * Parsed documents keyed by source name, format, limits and the exact bytes, so that a reload re-parses only the
 * files whose content changed. The tree is a pure function of that key (the source name is in every origin), and
 * trees are immutable, so a hit is indistinguishable from a fresh parse: same bytes under another name is a
 * different entry, and new bytes under the same name miss. Failures are not cached.
 *
 * <p>The key holds the bytes themselves and compares them in full, rather than a digest: no collision can serve a
 * stale tree, and comparing a few KB is cheaper than hashing them. Bounded by total bytes held
 * ({@link #DEFAULT_MAX_BYTES}). One instance per owner (no static state); thread-safe.
 */
public final class ParsedDocumentCache implements DocumentParsing {

    /** The default bound on the bytes of the documents held (their trees are kept alongside). */
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;

    private final Cache<Key, ConfigObject> cache;

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
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, ConfigObject v) -> k.content.length + 1)
                .build();
    }

    /**
     * Parses a document, or returns the tree parsed earlier from the same name, format, limits and bytes.
     *
     * @param sourceName the name used in origins and messages
     * @param format     the format
     * @param content    the bytes; not modified, and copied into the key
     * @param limits     the parse limits
     * @return the tree, with origins naming {@code sourceName}
     * @throws dev.lamina.config.ConfigException as {@link DocumentParser#parse(String, Format, byte[], ParseLimits)}
     */
    @Override
    public ConfigObject parse(String sourceName, Format format, byte[] content, ParseLimits limits) {
        Key probe = new Key(Objects.requireNonNull(sourceName, "sourceName"), Objects.requireNonNull(format, "format"),
                Objects.requireNonNull(limits, "limits"), content);
        ConfigObject hit = cache.getIfPresent(probe);
        if (hit != null) {
            return hit;
        }
        // Parse outside the cache's compute so that a failure propagates untouched and is never stored; the stored
        // key gets its own copy of the bytes so that a caller reusing its buffer cannot change it.
        ConfigObject parsed = DocumentParser.parse(sourceName, format, content, limits);
        cache.put(new Key(sourceName, format, limits, content.clone()), parsed);
        return parsed;
    }

    /** @return the number of documents held (approximate, for tests and metrics) */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static final class Key {
        private final String source;
        private final Format format;
        private final ParseLimits limits;
        private final byte[] content;
        private final int hash;

        Key(String source, Format format, ParseLimits limits, byte[] content) {
            this.source = source;
            this.format = format;
            this.limits = limits;
            this.content = content;
            this.hash = Objects.hash(source, format, limits) * 31 + Arrays.hashCode(content);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && source.equals(k.source) && format == k.format
                    && limits.equals(k.limits) && Arrays.equals(content, k.content);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
