package dev.lamina.config.flags.internal.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.flags.FlagStatus;
import dev.lamina.config.flags.FlagSummary;

/** Builds {@link FlagStatus}es from compiled summaries and the definitions as written (targeting, origin). */
public final class StatusSummaries {

    private StatusSummaries() {
    }

    /**
     * @param summaries the compiled flags' summaries, in declaration order
     * @param root      the configuration root they were compiled from
     * @return key to status, in declaration order; unmodifiable
     */
    public static Map<String, FlagStatus> of(List<FlagSummary> summaries, ConfigObject root) {
        ConfigObject flags = root.get("feature_flags").orElse(null) instanceof ConfigObject o ? o : null;
        Map<String, FlagStatus> out = new LinkedHashMap<>();
        for (FlagSummary s : summaries) {
            ConfigNode node = flags == null ? null : flags.entries().get(s.key());
            ConfigObject def = node instanceof ConfigObject o ? o : null;
            out.put(s.key(), new FlagStatus(s.key(), true, s.enabled(), s.rolloutPercentage(), s.description(),
                    targeting(def), s.variants(), s.dependsOn(), Optional.ofNullable(node).map(ConfigNode::origin)));
        }
        return Collections.unmodifiableMap(out);
    }

    /** A one-line summary: {@code user_segment in [premium] and region in [EU]}, {@code 2 rules: a, b}, or everyone. */
    static String targeting(ConfigObject def) {
        if (def == null) {
            return "everyone";
        }
        List<String> parts = new ArrayList<>();
        if (def.entries().get("targeting") instanceof ConfigObject t && !t.isEmpty()) {
            parts.add(t.entries().entrySet().stream().map(e -> e.getKey() + " in " + texts(e.getValue()))
                    .collect(Collectors.joining(" and ")));
        }
        if (def.entries().get("rules") instanceof ConfigList rules && !rules.items().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < rules.items().size(); i++) {
                ConfigNode rule = rules.items().get(i);
                names.add(rule instanceof ConfigObject r && r.entries().get("name") instanceof ConfigScalar n
                        ? n.text() : "rules[" + i + "]");
            }
            parts.add(names.size() + (names.size() == 1 ? " rule: " : " rules: ") + String.join(", ", names));
        }
        return parts.isEmpty() ? "everyone" : String.join(" and ", parts);
    }

    private static String texts(ConfigNode n) {
        if (n instanceof ConfigList l) {
            return l.items().stream().map(i -> i instanceof ConfigScalar s ? s.text() : i.kindName())
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        return n instanceof ConfigScalar s ? "[" + s.text() + "]" : n.kindName();
    }
}
