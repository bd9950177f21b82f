package dev.lamina.config.validation.internal.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known key nearest to an unknown one, for "did you mean" fixes. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * @param unknown the key that was written
     * @param known   the keys that would have been accepted
     * @return the nearest known key when it is close enough to be a likely typo (edit distance at most a third of
     *         the longer key, and at least 1), compared case-insensitively with {@code -} and {@code _} alike
     */
    public static Optional<String> nearest(String unknown, Collection<String> known) {
        String u = norm(unknown);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(u, norm(k));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.max(u.length(), best.length()) / 3);
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Damerau–Levenshtein (optimal string alignment) distance, so a swapped pair of letters costs one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
