package dev.lamina.config;

import java.time.Instant;
import java.util.Objects;

/**
 * Who made a snapshot, when, why and how.
 *
 * @param who    the principal's name ({@code system} for loads and file reloads)
 * @param when   when the snapshot was published
 * @param why    the reason given with the change, or a description the manager wrote ({@code rollback to version 3})
 * @param action what kind of change produced the snapshot
 */
public record ChangeRecord(String who, Instant when, String why, Action action) {

    /** Checks that no component is {@code null}. */
    public ChangeRecord {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(action, "action");
    }

    /** The kinds of change that publish a snapshot. */
    public enum Action {
        /** {@code loadEnvironmentConfig}. */
        LOAD,
        /** A reload from the files (hot reload or {@code reload()}). */
        RELOAD,
        /** {@code updateConfig}. */
        UPDATE,
        /** {@code rollback}. */
        ROLLBACK,
        /** {@code setActiveConfig}. */
        SET_ACTIVE
    }
}
