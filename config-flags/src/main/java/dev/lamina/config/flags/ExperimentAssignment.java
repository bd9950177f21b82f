package dev.lamina.config.flags;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import dev.lamina.config.ConfigObject;

/**
 * The result of assigning one context to an experiment.
 *
 * @param experiment          the experiment key that was asked for
 * @param variant             the variant assigned, when enrolled
 * @param reason              why
 * @param bucket              the context's bucket in the split (1..10000), when computed
 * @param exclusionGroup      the exclusion group that excluded the context, for
 *                            {@link AssignmentReason#EXCLUDED_BY_GROUP}
 * @param configuration       the variant's {@code configurations} entry as a tree (empty when not enrolled or
 *                            when the variant has none)
 * @param configurationValues the same configuration as plain Java values (unmodifiable)
 */
public record ExperimentAssignment(String experiment, Optional<String> variant, AssignmentReason reason,
                                   OptionalInt bucket, Optional<String> exclusionGroup, ConfigObject configuration,
                                   Map<String, Object> configurationValues) {

    /**
     * Checks that no component is {@code null}.
     *
     * @param experiment the {@code experiment} component
     * @param variant the {@code variant} component
     * @param reason the {@code reason} component
     * @param bucket the {@code bucket} component
     * @param exclusionGroup the {@code exclusionGroup} component
     * @param configuration the {@code configuration} component
     * @param configurationValues the {@code configurationValues} component
     */
    public ExperimentAssignment {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(exclusionGroup, "exclusionGroup");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(configurationValues, "configurationValues");
    }

    /** @return {@code true} when the context takes part in the experiment */
    public boolean enrolled() {
        return reason == AssignmentReason.ASSIGNED;
    }
}
