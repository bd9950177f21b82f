package dev.lamina.config.flags.internal.value;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict Semantic Versioning 2.0.0 version: {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}, numeric
 * identifiers without leading zeros, no {@code v} prefix. Ordered by SemVer precedence (build metadata ignored,
 * so {@link #compareTo} may return 0 for unequal texts). Numbers of any length compare correctly.
 */
public final class SemanticVersion implements Comparable<SemanticVersion> {

    private final String major;
    private final String minor;
    private final String patch;
    private final String[] prerelease;

    private SemanticVersion(String major, String minor, String patch, String[] prerelease) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = prerelease;
    }

    /**
     * @param text the text
     * @return the version, or {@code null} when the text is not a strict SemVer 2.0 version
     */
    public static SemanticVersion parseOrNull(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int plus = text.indexOf('+');
        String main = plus < 0 ? text : text.substring(0, plus);
        if (plus >= 0 && !validIdentifiers(text.substring(plus + 1), false)) {
            return null;
        }
        int dash = main.indexOf('-');
        String core = dash < 0 ? main : main.substring(0, dash);
        String[] pre = new String[0];
        if (dash >= 0) {
            String p = main.substring(dash + 1);
            if (!validIdentifiers(p, true)) {
                return null;
            }
            pre = p.split("\\.", -1);
        }
        String[] parts = core.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        for (String part : parts) {
            if (!isNumeric(part) || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
        }
        return new SemanticVersion(parts[0], parts[1], parts[2], pre);
    }

    private static boolean validIdentifiers(String s, boolean prerelease) {
        if (s.isEmpty()) {
            return false;
        }
        List<String> ids = new ArrayList<>(List.of(s.split("\\.", -1)));
        for (String id : ids) {
            if (id.isEmpty()) {
                return false;
            }
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
                if (!ok) {
                    return false;
                }
            }
            if (prerelease && isNumeric(id) && id.length() > 1 && id.charAt(0) == '0') {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int compareNumeric(String a, String b) {
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        return Integer.signum(a.compareTo(b));
    }

    @Override
    public int compareTo(SemanticVersion o) {
        int c = compareNumeric(major, o.major);
        if (c == 0) {
            c = compareNumeric(minor, o.minor);
        }
        if (c == 0) {
            c = compareNumeric(patch, o.patch);
        }
        if (c != 0) {
            return c;
        }
        // A version without pre-release identifiers has higher precedence than one with them.
        if (prerelease.length == 0 || o.prerelease.length == 0) {
            return prerelease.length == o.prerelease.length ? 0 : (prerelease.length == 0 ? 1 : -1);
        }
        int n = Math.min(prerelease.length, o.prerelease.length);
        for (int i = 0; i < n; i++) {
            String a = prerelease[i];
            String b = o.prerelease[i];
            boolean an = isNumeric(a);
            boolean bn = isNumeric(b);
            if (an && bn) {
                c = compareNumeric(a, b);
            } else if (an) {
                c = -1;
            } else if (bn) {
                c = 1;
            } else {
                c = Integer.signum(a.compareTo(b));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(prerelease.length, o.prerelease.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemanticVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return major.hashCode() * 31 + minor.hashCode() * 17 + patch.hashCode() + prerelease.length;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (prerelease.length == 0 ? "" : "-" + String.join(".", prerelease));
    }
}
