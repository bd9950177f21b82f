package dev.lamina.config.flags;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.lamina.config.ConfigPath;

/**
 * A flag's definition changed between two published versions (file reload, runtime update, rollback): delivered
 * to {@link FlagChangeListener}s registered with
 * {@link DynamicConfigurationManager#registerChangeListener(FlagChangeListener)}.
 *
 * @param flag      the flag key
 * @param oldStatus the flag before, empty when it was added
 * @param newStatus the flag after, empty when it was removed
 * @param source    what changed it ({@code update by alice: enable beta}, {@code reload by system: reload of the
 *                  configuration files}, {@code rollback by system: rollback to version 3})
 * @param version   the version whose definitions now apply
 */
public record FlagChangeEvent(String flag, Optional<FlagStatus> oldStatus, Optional<FlagStatus> newStatus,
                              String source, long version) {

    /**
     * Checks that no component is {@code null}.
     *
     * @param flag the {@code flag} component
     * @param oldStatus the {@code oldStatus} component
     * @param newStatus the {@code newStatus} component
     * @param source the {@code source} component
     * @param version the {@code version} component
     */
    public FlagChangeEvent {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(oldStatus, "oldStatus");
        Objects.requireNonNull(newStatus, "newStatus");
        Objects.requireNonNull(source, "source");
    }

    /** @return the flag's config path, {@code feature_flags.<flag>} (the product's {@code config_path}) */
    public ConfigPath path() {
        return ConfigPath.of("feature_flags", flag);
    }

    /** @return the kill switch before, empty when the flag was added */
    public Optional<Boolean> oldEnabled() {
        return oldStatus.map(FlagStatus::enabled);
    }

    /** @return the kill switch after, empty when the flag was removed */
    public Optional<Boolean> newEnabled() {
        return newStatus.map(FlagStatus::enabled);
    }

    /** @return the rollout percentage before, empty when the flag was added */
    public OptionalDouble oldRolloutPercentage() {
        return oldStatus.map(s -> OptionalDouble.of(s.rolloutPercentage())).orElse(OptionalDouble.empty());
    }

    /** @return the rollout percentage after, empty when the flag was removed */
    public OptionalDouble newRolloutPercentage() {
        return newStatus.map(s -> OptionalDouble.of(s.rolloutPercentage())).orElse(OptionalDouble.empty());
    }
}
