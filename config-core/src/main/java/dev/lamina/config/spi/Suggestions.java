package dev.lamina.config.spi;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" suggestions by edit distance (Levenshtein with adjacent transpositions), shared by binding,
 * explain, validation's strict mode and flag definitions so that every Lamina message suggests the same way.
 * Comparison ignores case and treats {@code -} and {@code _} alike. Arguments must not be {@code null}
 * ({@link NullPointerException} otherwise). Stateless and thread-safe.
 *
 * <pre>{@code
 * Suggestions.didYouMean("prot", List.of("port", "host"))   // " (did you mean 'port'?)"
 * Suggestions.closest("colour", List.of("port", "host"))    // Optional.empty()
 * }</pre>
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate nearest to what the user wrote, if it is near enough to be a typo; ties go to the candidate
     * that sorts first, so the answer does not depend on the collection's order.
     *
     * @param wrong      what the user wrote
     * @param candidates what exists
     * @return the closest candidate, when it is close enough to be a plausible typo (at most a third of the
     *         longer word's letters differ, and never more than 3)
     */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(normalize(wrong), normalize(c));
            if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int limit = Math.min(3, Math.max(1, Math.max(wrong.length(), best.length()) / 3));
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /**
     * The suggestion as a message suffix, in the form every Lamina message uses.
     *
     * @param wrong      what the user wrote
     * @param candidates what exists
     * @return {@code " (did you mean 'x'?)"} when {@link #closest} finds a candidate, else {@code ""}
     */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * The edit distance, case-sensitive (unlike {@link #closest}, which compares normalized words).
     *
     * @param a one word
     * @param b another
     * @return the optimal-string-alignment distance: insertions, deletions, substitutions and transpositions of
     *         adjacent letters each cost 1, so {@code prot} is one edit from {@code port}
     */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
