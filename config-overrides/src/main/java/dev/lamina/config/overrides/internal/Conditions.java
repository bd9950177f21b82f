package dev.lamina.config.overrides.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.overrides.ConditionContext;
import dev.lamina.config.overrides.ConditionResult;
import dev.lamina.config.overrides.OverrideConditions;
import dev.lamina.config.spi.ConfigTrees;

/** Evaluates an override's conditions, collecting one reason per condition that does not hold. */
public final class Conditions {

    private Conditions() {
    }

    /**
     * @param conditions the conditions
     * @param context    what they are tested against
     * @return whether they hold and, if not, why
     */
    public static ConditionResult evaluate(OverrideConditions conditions, ConditionContext context) {
        List<String> reasons = new ArrayList<>();
        String env = context.environment().toLowerCase(Locale.ROOT);
        if (!conditions.environments().isEmpty() && !conditions.environments().contains(env)) {
            reasons.add("requires environment in " + conditions.environments() + ", loading " + context.environment());
        }
        for (String variable : conditions.envVars()) {
            Optional<String> value = context.variables().apply(variable);
            if (value == null || value.isEmpty()) {
                reasons.add("requires variable " + variable + " to be set, and it is unset");
            } else if (value.get().isEmpty()) {
                reasons.add("requires variable " + variable + " to be set, and it is empty");
            }
        }
        for (Map.Entry<String, String> required : conditions.config().entrySet()) {
            String path = required.getKey();
            ConfigPath parsed;
            try {
                parsed = ConfigPath.parse(path);
            } catch (IllegalArgumentException e) {
                reasons.add("requires " + path + ", which is not a valid path");
                continue;
            }
            Optional<ConfigNode> node = ConfigTrees.find(context.below().root(), parsed);
            boolean secret = context.below().isSecret(path);
            String expected = secret ? "***" : required.getValue();
            if (node.isEmpty()) {
                reasons.add("requires " + path + " = " + expected + ", which is not set below the overrides");
            } else if (!(node.get() instanceof ConfigScalar s) || !sameValue(s.text(), required.getValue())) {
                String found = node.get() instanceof ConfigScalar s2 ? (secret ? "a different value" : s2.text())
                        : "a " + node.get().kindName();
                reasons.add("requires " + path + " = " + expected + ", found " + found);
            }
        }
        return new ConditionResult(reasons.isEmpty(), reasons);
    }

    /** Equal as written, or equal booleans ({@code True}/{@code true}), or equal numbers ({@code 1.0}/{@code 1}). */
    static boolean sameValue(String actual, String expected) {
        String a = actual.trim();
        String e = expected.trim();
        if (a.equals(e)) {
            return true;
        }
        if ((a.equalsIgnoreCase("true") || a.equalsIgnoreCase("false"))
                && (e.equalsIgnoreCase("true") || e.equalsIgnoreCase("false"))) {
            return a.equalsIgnoreCase(e);
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(e)) == 0;
        } catch (NumberFormatException ex) {
            return false;
        }
    }
}
