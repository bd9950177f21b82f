package dev.lamina.config.migration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Spring Boot's names and placeholders in Lamina's terms (see {@code docs/migration-spring-boot.md}): relaxed names
 * to one canonical kebab-case form, {@code ${VAR:default}} to {@code ${VAR:-default}}, {@code ${other.key}} to
 * {@code ${ref:other.key}}, and every other {@code $} doubled so it stays literal. Stateless.
 */
public final class SpringNames {

    private SpringNames() {
    }

    /**
     * Splits a Spring key into path segments and normalises them ({@link #canonical}).
     *
     * @param key a key as written, such as {@code spring.datasource.hikari.maximumPoolSize} or {@code a.b[0]}
     * @return the segments
     */
    public static List<String> segments(String key) {
        return canonical(split(key));
    }

    /**
     * Splits a key on dots; a {@code [..]} part is one segment, returned with its brackets.
     *
     * @param key a key as written
     * @return the raw segments
     */
    public static List<String> split(String key) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        while (i < key.length()) {
            char c = key.charAt(i);
            if (c == '[') {
                int close = key.indexOf(']', i);
                if (close < 0) {
                    cur.append(key.substring(i));
                    break;
                }
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                out.add(key.substring(i, close + 1));
                i = close + 1;
                if (i < key.length() && key.charAt(i) == '.') {
                    i++;
                }
                continue;
            }
            if (c == '.') {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
                i++;
                continue;
            }
            cur.append(c);
            i++;
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /**
     * Normalises raw segments: {@code maxPoolSize}, {@code max_pool_size} and {@code MAX-POOL-SIZE} all become
     * {@code max-pool-size}; a bracketed segment loses its brackets and keeps its text. Keys below a
     * {@code properties} segment ({@code spring.jpa.properties.hibernate.jdbc.time_zone}) and below
     * {@code logging.level} / {@code logging.group} / {@code management.metrics.tags} are map keys that Spring passes
     * on as written: the rest of such a key is kept as written, as one segment.
     *
     * @param raw segments from {@link #split}
     * @return the canonical segments
     */
    public static List<String> canonical(List<String> raw) {
        List<String> out = new ArrayList<>();
        // Below a map property the rest of the key is ONE map key, dots included (logging.level's
        // "org.springframework.web"): split into a path, "org.springframework" set in base and
        // "org.springframework.web" set in a profile would make one value a parent of the other, and the parent's
        // value would be lost. As one key, the renderer quotes it and both survive, as they do in Spring.
        StringBuilder mapKey = null;
        for (String seg : raw) {
            boolean bracketed = seg.startsWith("[") && seg.endsWith("]");
            String text = bracketed ? seg.substring(1, seg.length() - 1) : seg;
            if (mapKey != null) {
                mapKey.append(mapKey.length() == 0 ? "" : ".").append(text);
                continue;
            }
            out.add(bracketed ? text : normalise(seg));
            if (!bracketed && isMapProperty(out)) {
                mapKey = new StringBuilder();
            }
        }
        if (mapKey != null && mapKey.length() > 0) {
            out.add(mapKey.toString());
        }
        return out;
    }

    /** Spring properties bound to a {@code Map<String, ?>} whose keys are passed on as written. */
    private static boolean isMapProperty(List<String> path) {
        String last = path.get(path.size() - 1);
        String joined = String.join(".", path);
        return last.equals("properties") || last.equals("data-source-properties")
                || joined.equals("logging.level") || joined.equals("logging.group")
                || joined.equals("management.metrics.tags");
    }

    /**
     * @param segment one name segment
     * @return its canonical form: camelCase split with {@code -}, lower case, {@code _} as {@code -}
     */
    public static String normalise(String segment) {
        StringBuilder sb = new StringBuilder(segment.length() + 4);
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && (Character.isLowerCase(segment.charAt(i - 1))
                    || Character.isDigit(segment.charAt(i - 1)))) {
                sb.append('-');
            }
            sb.append(c == '_' ? '-' : Character.toLowerCase(c));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Converts a Spring value to a Lamina template.
     *
     * @param value the value as written
     * @param note  receives a sentence for each placeholder Lamina cannot express ({@code ${random.uuid}})
     * @return the template
     */
    public static String template(String value, Consumer<String> note) {
        if (value.indexOf('$') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
                int close = closing(value, i + 2);
                if (close < 0) {
                    // Never quote the value: it may be a password (the note names the line instead).
                    note.accept("the value has a '${' without its '}' (at character " + (i + 1)
                            + "): kept as literal text");
                    out.append("$$");
                    i++;
                    continue;
                }
                out.append(placeholder(value.substring(i + 2, close), note));
                i = close + 1;
            } else if (c == '$') {
                out.append("$$");
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String placeholder(String inner, Consumer<String> note) {
        int colon = topLevelColon(inner);
        String name = (colon < 0 ? inner : inner.substring(0, colon)).strip();
        String dflt = colon < 0 ? null : inner.substring(colon + 1);
        if (name.startsWith("random.")) {
            note.accept("${" + name + "} is Spring's random value source, which Lamina does not "
                    + "have: kept as literal text; set the value explicitly");
            return "$${" + inner.replace("$", "$$") + "}";
        }
        String converted = dflt == null ? null : template(dflt, note);
        if (name.matches("[A-Z_][A-Z0-9_]*")) {
            return "${" + name + (converted == null ? "" : ":-" + converted) + "}";
        }
        String path = String.join(".", segments(name));
        return "${ref:" + path + (converted == null ? "" : ":-" + converted) + "}";
    }

    private static int topLevelColon(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int closing(String s, int from) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }
}
