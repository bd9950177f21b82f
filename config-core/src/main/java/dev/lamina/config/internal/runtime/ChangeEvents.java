package dev.lamina.config.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.lamina.config.AuditRecord;
import dev.lamina.config.ChangeRecord;
import dev.lamina.config.ConfigChangeEvent;
import dev.lamina.config.Snapshot;

/**
 * Tells listeners about a published version: one {@link ConfigChangeEvent} per changed leaf (built only when a
 * change listener is registered) and one snapshot event. Called by the publisher under its lock, so events are
 * queued in version order.
 */
public final class ChangeEvents {

    private final EventDispatcher dispatcher;

    /** @param dispatcher where events go */
    public ChangeEvents(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** @return {@code true} when change listeners are registered, so a publish must mask its changes for them */
    public boolean wanted() {
        return dispatcher.hasListeners();
    }

    /**
     * @param masked   the changed leaves, secrets masked
     * @param withChanges whether {@code masked} holds the changes (it is not computed when nobody reads it, see
     *                 {@link #wanted()}); without them, only snapshot listeners hear of the publish
     * @param previous the snapshot replaced, or empty
     * @param current  the snapshot published
     */
    public void published(List<AuditRecord.Change> masked, boolean withChanges, Optional<Snapshot> previous,
                          Snapshot current) {
        if (withChanges && dispatcher.hasListeners()) {
            dispatcher.changes(eventsOf(masked, current.change(), current.version()));
        }
        dispatcher.published(previous, current);
    }

    private static List<ConfigChangeEvent> eventsOf(List<AuditRecord.Change> masked, ChangeRecord record,
                                                    long version) {
        String described = describe(record, version);
        boolean wholesale = record.action() == ChangeRecord.Action.ROLLBACK
                || record.action() == ChangeRecord.Action.SET_ACTIVE;
        List<ConfigChangeEvent> list = new ArrayList<>(masked.size());
        for (AuditRecord.Change c : masked) {
            String source = c.newValue().isEmpty() || wholesale ? described : c.newValue().get().origin().describe();
            list.add(new ConfigChangeEvent(c.path(), c.oldValue().map(Leaves::text), c.newValue().map(Leaves::text),
                    source, version));
        }
        return list;
    }

    private static String describe(ChangeRecord r, long version) {
        return switch (r.action()) {
            case LOAD -> "load of version " + version;
            case RELOAD -> r.why();
            case UPDATE -> "runtime update by " + r.who();
            case ROLLBACK -> r.why() + " by " + r.who();
            case SET_ACTIVE -> "setActiveConfig by " + r.who();
        };
    }
}
