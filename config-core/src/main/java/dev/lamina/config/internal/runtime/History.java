package dev.lamina.config.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.lamina.config.ConfigException;

/**
 * The published states the manager keeps for {@code history()}, {@code snapshot(version)} and rollback: at most
 * {@code historySize}, oldest first. Reads are lock-free (an immutable list replaced on each add); {@link #add}
 * is called by the publisher under its lock.
 */
public final class History {

    private final int size;
    private volatile List<ManagerState> states = List.of();

    /** @param size how many versions to keep (at least one) */
    public History(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("history size must be at least 1, found " + size);
        }
        this.size = size;
    }

    /** @return the states held, oldest first; an immutable list */
    public List<ManagerState> all() {
        return states;
    }

    /** @param state a state just published; the oldest is dropped beyond the size */
    public void add(ManagerState state) {
        List<ManagerState> h = new ArrayList<>(states);
        h.add(state);
        while (h.size() > size) {
            h.remove(0);
        }
        states = List.copyOf(h);
    }

    /**
     * @param version a version
     * @return its state, while the history holds it
     */
    public Optional<ManagerState> find(long version) {
        for (ManagerState s : states) {
            if (s.snapshot().version() == version) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * @param version a version the history does not hold
     * @return the exception saying so, with the versions it does hold
     */
    public ConfigException unknownVersion(long version) {
        List<ManagerState> h = states;
        String held = h.isEmpty() ? "none"
                : h.get(0).snapshot().version() + " to " + h.get(h.size() - 1).snapshot().version();
        return new ConfigException(null, null, "unknown version " + version + ": the history holds versions " + held
                + " (fix: pick a version from history())");
    }
}
