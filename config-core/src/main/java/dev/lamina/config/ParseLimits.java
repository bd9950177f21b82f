package dev.lamina.config;

/**
 * Bounds that every parser enforces, so that a hostile or broken file cannot exhaust memory or the stack.
 * A bound that is hit raises a {@link ConfigLimitException} naming the limit and the source.
 *
 * @param maxDocumentBytes largest document, in bytes (default 10 MiB)
 * @param maxDepth         deepest nesting of objects and lists (default 200)
 * @param maxStringLength  longest string scalar or key, in characters (default 1 MiB)
 * @param maxNumberLength  longest number, in characters (default 100)
 * @param maxNodes         most nodes in one document (default 100,000)
 */
public record ParseLimits(long maxDocumentBytes, int maxDepth, int maxStringLength, int maxNumberLength,
                          int maxNodes) {

    /** The defaults listed above. */
    public static final ParseLimits DEFAULTS = new ParseLimits(10L * 1024 * 1024, 200, 1024 * 1024, 100, 100_000);

    /**
     * Checks that every bound is positive.
     *
     * @throws IllegalArgumentException if a bound is zero or negative
     */
    public ParseLimits {
        if (maxDocumentBytes <= 0 || maxDepth <= 0 || maxStringLength <= 0 || maxNumberLength <= 0 || maxNodes <= 0) {
            throw new IllegalArgumentException("parse limits must be positive: " + maxDocumentBytes + ", " + maxDepth
                    + ", " + maxStringLength + ", " + maxNumberLength + ", " + maxNodes);
        }
    }

    /**
     * Written out rather than generated: a record's generated {@code equals}/{@code hashCode} are bootstrapped
     * through {@code java.lang.runtime.ObjectMethods} on first call, which spins method-handle classes (about 7 ms
     * of a cold start, where every load compares its limits with the defaults). Same result as the generated ones.
     *
     * @param o another object
     * @return whether {@code o} is a {@code ParseLimits} with the same five bounds
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ParseLimits p && p.maxDocumentBytes == maxDocumentBytes && p.maxDepth == maxDepth
                && p.maxStringLength == maxStringLength && p.maxNumberLength == maxNumberLength
                && p.maxNodes == maxNodes;
    }

    /** @return a hash of the five bounds, consistent with {@link #equals(Object)} */
    @Override
    public int hashCode() {
        int h = Long.hashCode(maxDocumentBytes);
        h = 31 * h + maxDepth;
        h = 31 * h + maxStringLength;
        h = 31 * h + maxNumberLength;
        return 31 * h + maxNodes;
    }

    /** @param v new value @return a copy with {@code maxDocumentBytes} replaced */
    public ParseLimits withMaxDocumentBytes(long v) {
        return new ParseLimits(v, maxDepth, maxStringLength, maxNumberLength, maxNodes);
    }

    /** @param v new value @return a copy with {@code maxDepth} replaced */
    public ParseLimits withMaxDepth(int v) {
        return new ParseLimits(maxDocumentBytes, v, maxStringLength, maxNumberLength, maxNodes);
    }

    /** @param v new value @return a copy with {@code maxStringLength} replaced */
    public ParseLimits withMaxStringLength(int v) {
        return new ParseLimits(maxDocumentBytes, maxDepth, v, maxNumberLength, maxNodes);
    }

    /** @param v new value @return a copy with {@code maxNumberLength} replaced */
    public ParseLimits withMaxNumberLength(int v) {
        return new ParseLimits(maxDocumentBytes, maxDepth, maxStringLength, v, maxNodes);
    }

    /** @param v new value @return a copy with {@code maxNodes} replaced */
    public ParseLimits withMaxNodes(int v) {
        return new ParseLimits(maxDocumentBytes, maxDepth, maxStringLength, maxNumberLength, v);
    }
}
