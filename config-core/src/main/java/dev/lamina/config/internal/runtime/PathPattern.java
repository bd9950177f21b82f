package dev.lamina.config.internal.runtime;

import java.util.List;
import java.util.Objects;

import dev.lamina.config.ConfigPath;

/**
 * A config path with wildcards, as used by role-based authorization: {@code *} matches exactly one segment,
 * {@code **} (last segment only) matches one or more. A pattern without wildcards matches its path and every
 * path below it.
 */
public final class PathPattern {

    private final String text;
    private final List<String> segments;
    private final boolean hasWildcard;

    private PathPattern(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
        this.hasWildcard = segments.stream().anyMatch(s -> s.equals("*") || s.equals("**"));
    }

    /**
     * @param pattern the pattern text ({@code feature_flags.**})
     * @return the compiled pattern
     * @throws IllegalArgumentException if the text is not a path, or {@code **} is not the last segment
     */
    public static PathPattern compile(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        List<String> segments = ConfigPath.parse(pattern).segments();
        for (int i = 0; i < segments.size() - 1; i++) {
            if (segments.get(i).equals("**")) {
                throw new IllegalArgumentException("invalid path pattern '" + pattern + "': '**' may only be the last segment");
            }
        }
        return new PathPattern(pattern, segments);
    }

    /**
     * @param path a path
     * @return {@code true} when the pattern allows the path
     */
    public boolean matches(ConfigPath path) {
        List<String> p = path.segments();
        if (!hasWildcard) {
            return p.size() >= segments.size() && p.subList(0, segments.size()).equals(segments);
        }
        int n = segments.size();
        boolean tail = segments.get(n - 1).equals("**");
        int fixed = tail ? n - 1 : n;
        if (tail ? p.size() <= fixed : p.size() != fixed) {
            return false;
        }
        for (int i = 0; i < fixed; i++) {
            String s = segments.get(i);
            if (!s.equals("*") && !s.equals(p.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
