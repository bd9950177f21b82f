package dev.lamina.config.flags;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.Origin;

/**
 * One flag as {@link DynamicConfigurationManager#getFeatureFlagsStatus()} reports it, for status pages and
 * tooling ({@code get_feature_flags_status}).
 *
 * @param key               the flag key
 * @param defined           {@code false} for a key registered with
 *                          {@link DynamicConfigurationManager#registerCustomFeatureFlag(FlagKey)} that no definition
 *                          declares (it evaluates to its default)
 * @param enabled           the kill switch ({@code false} when not defined)
 * @param rolloutPercentage the flag-level rollout percentage (0 when not defined)
 * @param description       the description, or {@code ""}
 * @param targeting         a one-line summary of who the flag targets ({@code everyone},
 *                          {@code user_segment in [premium, family] and region in [EU]}, {@code 2 rules: staff,
 *                          everyone}, or {@code not defined})
 * @param variants          the flag-level variant names, in declaration order
 * @param dependsOn         the prerequisite flag keys
 * @param origin            where the definition was written ({@code config/base.yaml:12:3}, or
 *                          {@code runtime update by alice}), when defined
 */
public record FlagStatus(String key, boolean defined, boolean enabled, double rolloutPercentage, String description,
                         String targeting, List<String> variants, List<String> dependsOn, Optional<Origin> origin) {

    /**
     * Copies the lists and checks that nothing is {@code null}.
     *
     * @param key the {@code key} component
     * @param defined the {@code defined} component
     * @param enabled the {@code enabled} component
     * @param rolloutPercentage the {@code rolloutPercentage} component
     * @param description the {@code description} component
     * @param targeting the {@code targeting} component
     * @param variants the {@code variants} component
     * @param dependsOn the {@code dependsOn} component
     * @param origin the {@code origin} component
     */
    public FlagStatus {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(targeting, "targeting");
        Objects.requireNonNull(origin, "origin");
        variants = List.copyOf(variants);
        dependsOn = List.copyOf(dependsOn);
    }

    /**
     * @param key a registered key no definition declares
     * @return its "not defined" status
     */
    static FlagStatus notDefined(String key) {
        return new FlagStatus(key, false, false, 0, "", "not defined", List.of(), List.of(), Optional.empty());
    }

    /**
     * @param other another status of the same flag
     * @return {@code true} when the definitions differ in anything but where they were written
     */
    boolean differsFrom(FlagStatus other) {
        return defined != other.defined || enabled != other.enabled
                || Double.compare(rolloutPercentage, other.rolloutPercentage) != 0
                || !description.equals(other.description) || !targeting.equals(other.targeting)
                || !variants.equals(other.variants) || !dependsOn.equals(other.dependsOn);
    }
}
