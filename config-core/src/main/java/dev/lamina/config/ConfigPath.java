package dev.lamina.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A path into a configuration tree, such as {@code server.port}, {@code brokers[0].host} or
 * {@code tenants."eu.west".limit}.
 *
 * <p>Syntax: segments separated by {@code .}; a list index as {@code [n]} or as a numeric segment
 * ({@code brokers.0}); a key that contains {@code .}, {@code [} or {@code "} is written in double quotes, with
 * {@code \"} and {@code \\} escapes inside. The root is the empty path {@code ""}.
 *
 * <p>Immutable and thread-safe; {@link #toString()} gives the canonical text that {@link #parse} reads back.
 */
public final class ConfigPath implements Comparable<ConfigPath> {

    private static final ConfigPath ROOT = new ConfigPath(new String[0], "");

    // An array rather than a List: child() is called once per node by every full-tree walk (interpolation, the
    // lookup index, the diff), so it must copy one array and append to the parent's text, nothing more.
    private final String[] segments;
    private final String text;
    private List<String> segmentList; // lazily wrapped; racy single-check is fine (the view is immutable)

    private ConfigPath(String[] segments, String text) {
        this.segments = segments;
        this.text = text;
    }

    /** @return the empty path, which names the whole tree */
    public static ConfigPath root() {
        return ROOT;
    }

    /**
     * Builds a path from raw segments (keys and list indices), without any parsing.
     *
     * @param segments the segments; none may be {@code null}
     * @return the path
     */
    public static ConfigPath of(List<String> segments) {
        return segments.isEmpty() ? ROOT : fromArray(List.copyOf(segments).toArray(new String[0]));
    }

    private static ConfigPath fromArray(String[] segments) {
        if (segments.length == 0) {
            return ROOT;
        }
        StringBuilder sb = new StringBuilder();
        for (String s : segments) {
            appendSegment(sb, s);
        }
        return new ConfigPath(segments, sb.toString());
    }

    /**
     * Builds a path from raw segments.
     *
     * @param segments the segments
     * @return the path
     */
    public static ConfigPath of(String... segments) {
        return of(List.of(segments));
    }

    /**
     * Parses the textual form.
     *
     * @param path the path text
     * @return the parsed path
     * @throws IllegalArgumentException if the text is not a valid path (empty segment, unclosed quote or bracket)
     */
    public static ConfigPath parse(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            return ROOT;
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        int n = path.length();
        boolean segmentDone = false; // a quoted key or [n] just closed a segment
        while (i < n) {
            char c = path.charAt(i);
            if (c == '"') {
                if (cur.length() > 0 || segmentDone) {
                    throw invalid(path, "a quote may only open a segment");
                }
                i++;
                boolean closed = false;
                while (i < n) {
                    char q = path.charAt(i);
                    if (q == '\\' && i + 1 < n) {
                        cur.append(path.charAt(i + 1));
                        i += 2;
                    } else if (q == '"') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        cur.append(q);
                        i++;
                    }
                }
                if (!closed) {
                    throw invalid(path, "unclosed quote");
                }
                out.add(cur.toString());
                cur.setLength(0);
                segmentDone = true;
            } else if (c == '[') {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else if (!segmentDone && !out.isEmpty()) {
                    throw invalid(path, "empty segment");
                }
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw invalid(path, "unclosed [");
                }
                String index = path.substring(i + 1, close);
                if (index.isEmpty() || !allDigits(index)) {
                    throw invalid(path, "list index must be a non-negative integer");
                }
                out.add(index);
                i = close + 1;
                segmentDone = true;
            } else if (c == '.') {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else if (!segmentDone) {
                    throw invalid(path, "empty segment");
                }
                segmentDone = false;
                i++;
                if (i == n) {
                    throw invalid(path, "trailing '.'");
                }
            } else {
                if (segmentDone) {
                    throw invalid(path, "expected '.' or '[' after a quoted key or index");
                }
                cur.append(c);
                i++;
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return of(out);
    }

    private static IllegalArgumentException invalid(String path, String why) {
        return new IllegalArgumentException("invalid config path '" + path + "': " + why);
    }

    /** @return the segments, unmodifiable; list indices appear as decimal strings */
    public List<String> segments() {
        List<String> l = segmentList;
        if (l == null) {
            l = List.of(segments);
            segmentList = l;
        }
        return l;
    }

    /** @return the number of segments */
    public int size() {
        return segments.length;
    }

    /** @return {@code true} for the root path */
    public boolean isRoot() {
        return segments.length == 0;
    }

    /** @return the last segment, or {@code ""} for the root */
    public String last() {
        return segments.length == 0 ? "" : segments[segments.length - 1];
    }

    /**
     * @param key a key or index to append
     * @return this path extended by one segment
     */
    public ConfigPath child(String key) {
        Objects.requireNonNull(key, "key");
        String[] s = Arrays.copyOf(segments, segments.length + 1);
        s[segments.length] = key;
        // The canonical text of a child is the parent's text plus the rendering of the new segment alone.
        StringBuilder sb = new StringBuilder(text.length() + key.length() + 3).append(text);
        appendSegment(sb, key);
        return new ConfigPath(s, sb.toString());
    }

    /**
     * @param index a list index to append
     * @return this path extended by one index segment
     */
    public ConfigPath child(int index) {
        return child(Integer.toString(index));
    }

    /** @return the path without its last segment; the root's parent is the root */
    public ConfigPath parent() {
        return segments.length <= 1 ? ROOT : fromArray(Arrays.copyOf(segments, segments.length - 1));
    }

    /**
     * @param other a path
     * @return {@code true} when this path equals {@code other} or lies below it
     */
    public boolean startsWith(ConfigPath other) {
        int n = other.segments.length;
        return segments.length >= n && Arrays.equals(segments, 0, n, other.segments, 0, n);
    }

    /** Appends one segment's canonical text; {@code sb} is empty exactly when the segment is the first one. */
    private static void appendSegment(StringBuilder sb, String s) {
        boolean first = sb.length() == 0; // a rendered segment is never empty (an empty key renders as "")
        if (!first && isIndex(s)) {
            sb.append('[').append(s).append(']');
            return;
        }
        if (!first) {
            sb.append('.');
        }
        if (s.isEmpty() || s.indexOf('.') >= 0 || s.indexOf('[') >= 0 || s.indexOf(']') >= 0
                || s.indexOf('"') >= 0) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' || c == '"') {
                    sb.append('\\');
                }
                sb.append(c);
            }
            sb.append('"');
        } else {
            sb.append(s);
        }
    }

    /** Same rule as before ({@link Character#isDigit(char)} on every char), without a stream per segment. */
    private static boolean isIndex(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(ConfigPath o) {
        return text.compareTo(o.text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigPath p && Arrays.equals(p.segments, segments);
    }

    /** @return the same value as {@code segments().hashCode()} */
    @Override
    public int hashCode() {
        return Arrays.hashCode(segments);
    }

    /** @return the canonical text, for example {@code brokers[0].host} */
    @Override
    public String toString() {
        return text;
    }

    /** A loop, not {@code chars().allMatch}: parsing paths is on every cold start, and a stream costs it classes. */
    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
