package dev.lamina.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What happened to the configuration, as written to the {@link AuditLog}: who asked for which action on
 * which paths, the values before and after, the resulting version and whether the change was applied.
 *
 * <p>The {@link AuditLog} adds the time, a sequence number and the hash chain when it writes the record.
 * Callers should pass values already masked for display; the log masks secret paths again itself (see
 * {@link AuditLog}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param principal who made the change, when known (an update's principal); empty for reloads
 * @param action    what kind of change: lower-case letters, digits, {@code -} and {@code _}, for example
 *                  {@code update}, {@code rollback}, {@code reload}
 * @param changes   the paths concerned with their old and new values; may be empty (for example a reload
 *                  rejected before any path could be compared)
 * @param version   the snapshot version the change produced ({@code applied}) or would have replaced
 *                  ({@code rejected}); not negative
 * @param result    whether the change was applied
 * @param reason    why it was rejected (required for {@link Result#REJECTED}); optional for applied changes
 *                  (for example a change ticket). Never a secret value.
 */
public record AuditRecord(Optional<String> principal, String action, List<Change> changes, long version,
        Result result, Optional<String> reason) {

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    /** Whether the change was applied. */
    public enum Result {
        /** The change was applied and published as {@link AuditRecord#version()}. */
        APPLIED,
        /** The change was refused (validation, conflict, permission, failed reload); nothing changed. */
        REJECTED;

        /** @return the lower-case form written to the log: {@code applied} or {@code rejected} */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One path's old and new value. An empty value means the path did not exist (before) or was removed
     * (after); both it and a {@link ConfigNull} are written as JSON {@code null}.
     *
     * @param path     the config path
     * @param oldValue the value before the change, when there was one
     * @param newValue the value after the change (or the value that was refused), when there is one
     */
    public record Change(ConfigPath path, Optional<ConfigNode> oldValue, Optional<ConfigNode> newValue) {

        /** Checks that no component is {@code null}. */
        public Change {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(oldValue, "oldValue");
            Objects.requireNonNull(newValue, "newValue");
        }

        /**
         * @param path     the config path
         * @param oldValue the old value, or {@code null} when absent
         * @param newValue the new value, or {@code null} when absent
         * @return the change
         */
        public static Change of(ConfigPath path, ConfigNode oldValue, ConfigNode newValue) {
            return new Change(path, Optional.ofNullable(oldValue), Optional.ofNullable(newValue));
        }
    }

    /**
     * Validates the record.
     *
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if the action is not a lower-case word, the version is negative, or a
     *                                  rejected record has no reason
     */
    public AuditRecord {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(reason, "reason");
        changes = List.copyOf(changes);
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("audit action must be a lower-case word such as 'update': "
                    + action);
        }
        if (version < 0) {
            throw new IllegalArgumentException("audit version must not be negative: " + version);
        }
        if (result == Result.REJECTED && reason.filter(r -> !r.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("a rejected audit record needs a reason");
        }
    }

    /**
     * An applied change.
     *
     * @param action    the action, for example {@code update}
     * @param principal who made it, or {@code null} when unknown
     * @param changes   the paths with old and new values
     * @param version   the version it produced
     * @return the record
     */
    public static AuditRecord applied(String action, String principal, List<Change> changes, long version) {
        return new AuditRecord(Optional.ofNullable(principal), action, changes, version, Result.APPLIED,
                Optional.empty());
    }

    /**
     * A rejected change.
     *
     * @param action    the action, for example {@code update}
     * @param principal who asked for it, or {@code null} when unknown
     * @param changes   the paths with current and refused values
     * @param version   the version that stays in force
     * @param reason    why it was rejected; never a secret value
     * @return the record
     */
    public static AuditRecord rejected(String action, String principal, List<Change> changes, long version,
            String reason) {
        return new AuditRecord(Optional.ofNullable(principal), action, changes, version, Result.REJECTED,
                Optional.of(reason));
    }

    /** @return the changed paths, in the order of {@link #changes()} */
    public List<ConfigPath> paths() {
        return changes.stream().map(Change::path).toList();
    }
}
