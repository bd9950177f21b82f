package dev.lamina.config.flags;

import java.util.List;
import java.util.Objects;

/**
 * What a compiled flag declares, for status pages and tooling.
 *
 * @param key               the flag key
 * @param description       the description, or {@code ""}
 * @param enabled           the kill switch
 * @param rolloutPercentage the flag-level rollout percentage (rules may declare their own)
 * @param ruleCount         the number of rules
 * @param variants          the flag-level variant names, in declaration order
 * @param dependsOn         the prerequisite flag keys
 */
public record FlagSummary(String key, String description, boolean enabled, double rolloutPercentage,
                          int ruleCount, List<String> variants, List<String> dependsOn) {

    /**
     * Copies the lists and checks that nothing is {@code null}.
     *
     * @param key the {@code key} component
     * @param description the {@code description} component
     * @param enabled the {@code enabled} component
     * @param rolloutPercentage the {@code rolloutPercentage} component
     * @param ruleCount the {@code ruleCount} component
     * @param variants the {@code variants} component
     * @param dependsOn the {@code dependsOn} component
     */
    public FlagSummary {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        variants = List.copyOf(variants);
        dependsOn = List.copyOf(dependsOn);
    }
}
