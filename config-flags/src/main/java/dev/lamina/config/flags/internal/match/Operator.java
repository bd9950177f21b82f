package dev.lamina.config.flags.internal.match;

import java.util.Arrays;
import java.util.List;

/** The constraint operators of {@code FLAGS.md}. */
public enum Operator {
    IN, NOT_IN,
    STR_STARTS_WITH, STR_ENDS_WITH, STR_CONTAINS,
    NUM_EQ, NUM_GT, NUM_GTE, NUM_LT, NUM_LTE,
    DATE_AFTER, DATE_BEFORE,
    SEMVER_EQ, SEMVER_GT, SEMVER_GTE, SEMVER_LT, SEMVER_LTE,
    REGEX,
    IN_CIDR;

    /** @return every operator's name, for "did you mean" suggestions */
    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    /**
     * @param name an operator name as written
     * @return the operator, or {@code null} when unknown
     */
    public static Operator byName(String name) {
        for (Operator o : values()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }
}
