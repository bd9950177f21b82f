package dev.lamina.config.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Configuration;
import dev.lamina.config.SecretPolicy;

/**
 * One line saying whom a flag reaches, for {@code flags list}: its {@code targeting}, its rules, its prerequisites,
 * its schedule and its variants, or {@code everyone}. Built from the definition as written (already validated by the
 * compiler), with every value shown through the configuration's secret policy.
 */
final class TargetingSummary {

    /** Lists of values are cut after this many, so that one flag stays on one readable line. */
    private static final int MAX_VALUES = 3;

    /** The configuration the flags come from: its {@link Configuration#isSecret} is the one answer. */
    private final Configuration config;

    TargetingSummary(Configuration config) {
        this.config = config;
    }

    /**
     * @param flag      the flag's definition
     * @param flagPath  its path ({@code feature_flags.<key>})
     * @param variants  the flag-level variant names
     * @return the summary; {@code everyone} when nothing restricts the flag
     */
    String describe(ConfigObject flag, ConfigPath flagPath, List<String> variants) {
        List<String> parts = new ArrayList<>();
        object(flag.get("targeting")).ifPresent(t -> parts.add(targeting(t, flagPath.child("targeting"))));
        list(flag.get("rules")).ifPresent(r -> parts.add("rules: " + rules(r, flagPath.child("rules"))));
        list(flag.get("depends_on")).ifPresent(d -> parts.add("requires " + prerequisites(d)));
        object(flag.get("schedule")).ifPresent(s -> parts.add("schedule " + text(s.get("start"), "…") + ".."
                + text(s.get("end"), "…")));
        if (!variants.isEmpty()) {
            parts.add("variants " + String.join("/", variants));
        }
        return parts.isEmpty() ? "everyone" : String.join("; ", parts);
    }

    private String targeting(ConfigObject targeting, ConfigPath path) {
        List<String> clauses = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : targeting.entries().entrySet()) {
            clauses.add(e.getKey() + " in " + values(e.getValue(), path.child(e.getKey())));
        }
        return String.join(" and ", clauses);
    }

    private String rules(ConfigList rules, ConfigPath path) {
        List<String> described = new ArrayList<>();
        for (int i = 0; i < rules.items().size(); i++) {
            if (!(rules.items().get(i) instanceof ConfigObject rule)) {
                continue;
            }
            ConfigPath rulePath = path.child(i);
            String name = text(rule.get("name"), "rules[" + i + "]");
            List<String> conditions = new ArrayList<>();
            list(rule.get("constraints")).ifPresent(cs -> {
                for (int j = 0; j < cs.items().size(); j++) {
                    if (cs.items().get(j) instanceof ConfigObject c) {
                        conditions.add(constraint(c, rulePath.child("constraints").child(j)));
                    }
                }
            });
            rule.get("rollout_percentage").ifPresent(p -> conditions.add(text(p, "") + "%"));
            described.add(name + " (" + (conditions.isEmpty() ? "everyone" : String.join(" and ", conditions)) + ")");
        }
        return String.join(" or ", described);
    }

    private String constraint(ConfigObject c, ConfigPath path) {
        boolean inverted = c.get("inverted").map(n -> "true".equals(text(n, ""))).orElse(false);
        ConfigNode values = c.get("values").or(() -> c.get("value")).orElse(null);
        String shown = values == null ? "[]" : values(values, path.child(c.get("values").isPresent() ? "values" : "value"));
        return (inverted ? "not " : "") + text(c.get("attribute"), "?") + " " + text(c.get("operator"), "?") + " " + shown;
    }

    private static String prerequisites(ConfigList dependsOn) {
        List<String> names = new ArrayList<>();
        for (ConfigNode d : dependsOn.items()) {
            if (d instanceof ConfigObject o) {
                boolean off = o.get("enabled").map(n -> "false".equals(text(n, ""))).orElse(false);
                names.add((off ? "not " : "") + text(o.get("flag"), "?"));
            } else {
                names.add(text(d, "?"));
            }
        }
        return String.join(", ", names);
    }

    private String values(ConfigNode node, ConfigPath path) {
        if (!(node instanceof ConfigList list)) {
            return "[" + shown(node, path) + "]";
        }
        List<String> shown = new ArrayList<>();
        int n = list.items().size();
        for (int i = 0; i < Math.min(n, MAX_VALUES); i++) {
            shown.add(shown(list.items().get(i), path.child(i)));
        }
        if (n > MAX_VALUES) {
            shown.add("+" + (n - MAX_VALUES) + " more");
        }
        return "[" + String.join(", ", shown) + "]";
    }

    private String shown(ConfigNode node, ConfigPath path) {
        String t = text(node, "");
        return config.isSecret(path.toString()) ? SecretPolicy.MASK : t;
    }

    private static String text(Optional<ConfigNode> node, String fallback) {
        return node.map(n -> text(n, fallback)).orElse(fallback);
    }

    private static String text(ConfigNode node, String fallback) {
        return node instanceof ConfigScalar s ? s.text() : fallback;
    }

    private static Optional<ConfigObject> object(Optional<ConfigNode> node) {
        return node.filter(ConfigObject.class::isInstance).map(ConfigObject.class::cast);
    }

    private static Optional<ConfigList> list(Optional<ConfigNode> node) {
        return node.filter(ConfigList.class::isInstance).map(ConfigList.class::cast)
                .filter(l -> !l.items().isEmpty());
    }
}
