package dev.lamina.config.migration.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lamina.config.ConfigParseException;
import dev.lamina.config.Origin;

/**
 * A mapping file's rules, {@code old.key -> new.path} one per line ({@code #} comments): {@code *} stands for one
 * segment, a final {@code **} for one or more; the target uses the same wildcards in the same order. The first rule
 * that matches a key renames it; renaming is one pass (a renamed key is not renamed again). Two rules for the same
 * old pattern, a target whose wildcards differ from its source's, and rules that rename in a cycle
 * ({@code a -> b}, {@code b -> a}) are rejected when the file is read. Immutable.
 */
public final class MappingRules {

    /** One rule and its line. */
    record Rule(String from, String to, List<String> fromSegments, List<String> toSegments, Origin origin) {
    }

    private static final MappingRules NONE = new MappingRules(List.of());

    private final List<Rule> rules;

    private MappingRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @return rules that rename nothing */
    public static MappingRules none() {
        return NONE;
    }

    /**
     * @param source the mapping file's name
     * @param text   its text
     * @return the rules
     * @throws ConfigParseException if a line is malformed, two rules share a source, wildcards disagree, or rules form
     *                              a cycle (the message names the lines)
     */
    public static MappingRules parse(String source, String text) {
        List<Rule> rules = new ArrayList<>();
        Map<String, Rule> bySource = new HashMap<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Origin origin = new Origin(source, i + 1, 1);
            int arrow = line.indexOf("->");
            if (arrow < 0 || line.indexOf("->", arrow + 2) >= 0) {
                throw new ConfigParseException(origin, null, "expected one rule 'old.key -> new.path'");
            }
            String from = line.substring(0, arrow).strip();
            String to = line.substring(arrow + 2).strip();
            if (from.isEmpty() || to.isEmpty()) {
                throw new ConfigParseException(origin, null, "both sides of '->' must name a key");
            }
            List<String> fs = List.of(from.split("\\.", -1));
            List<String> ts = List.of(to.split("\\.", -1));
            check(fs, origin, "the old key");
            check(ts, origin, "the new path");
            if (!wildcards(fs).equals(wildcards(ts))) {
                throw new ConfigParseException(origin, null, "the new path must use the same wildcards as the old key, "
                        + "in the same order (" + wildcards(fs) + " vs " + wildcards(ts) + ")");
            }
            Rule rule = new Rule(from, to, fs, ts, origin);
            Rule earlier = bySource.putIfAbsent(from, rule);
            if (earlier != null) {
                throw new ConfigParseException(origin, null, "'" + from + "' is already mapped at line "
                        + earlier.origin().line() + "; keep one rule");
            }
            rules.add(rule);
        }
        // A cycle: following target -> rule with that source leads back to the start.
        for (Rule start : rules) {
            LinkedHashSet<String> chain = new LinkedHashSet<>();
            Rule at = start;
            while (at != null && chain.add(at.from())) {
                at = bySource.get(at.to());
            }
            if (at != null && at.from().equals(start.from())) {
                throw new ConfigParseException(start.origin(), null, "the rules rename in a cycle: "
                        + String.join(" -> ", chain) + " -> " + start.from() + " (renaming is one pass, so a cycle is a mistake; remove one)");
            }
        }
        return new MappingRules(rules);
    }

    private static void check(List<String> segments, Origin origin, String what) {
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            if (s.isEmpty()) {
                throw new ConfigParseException(origin, null, what + " has an empty segment");
            }
            if (s.equals("**") && i != segments.size() - 1) {
                throw new ConfigParseException(origin, null, "'**' may only be the last segment of " + what);
            }
            if (!s.equals("*") && !s.equals("**") && s.contains("*")) {
                throw new ConfigParseException(origin, null, "a wildcard must be a whole segment ('*' or '**') in "
                        + what);
            }
        }
    }

    private static List<String> wildcards(List<String> segments) {
        return segments.stream().filter(s -> s.equals("*") || s.equals("**")).toList();
    }

    /**
     * @param key a dotted key as the legacy file wrote it
     * @return the renamed key and the rule's origin, or empty when no rule matches
     */
    public Optional<Renamed> apply(String key) {
        List<String> segments = List.of(key.split("\\.", -1));
        for (Rule r : rules) {
            List<String> captured = match(r.fromSegments(), segments);
            if (captured != null) {
                StringBuilder sb = new StringBuilder();
                int c = 0;
                for (String t : r.toSegments()) {
                    String piece = t.equals("*") || t.equals("**") ? captured.get(c++) : t;
                    sb.append(sb.length() == 0 ? "" : ".").append(piece);
                }
                return Optional.of(new Renamed(sb.toString(), r.origin()));
            }
        }
        return Optional.empty();
    }

    /** @return whether there are no rules */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * A key after renaming.
     *
     * @param key  the new dotted key
     * @param rule where the rule that renamed it is written
     */
    public record Renamed(String key, Origin rule) {
    }

    private static List<String> match(List<String> pattern, List<String> key) {
        List<String> captured = new ArrayList<>();
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (p.equals("**")) {
                if (key.size() <= i) {
                    return null;
                }
                captured.add(String.join(".", key.subList(i, key.size())));
                return captured;
            }
            if (i >= key.size()) {
                return null;
            }
            if (p.equals("*")) {
                captured.add(key.get(i));
            } else if (!p.equals(key.get(i))) {
                return null;
            }
        }
        return pattern.size() == key.size() ? captured : null;
    }

}
