package dev.lamina.config.validation.internal.rules;

import java.util.ArrayList;
import java.util.List;

import dev.lamina.config.ConfigObject;

/**
 * Remembers the indexes of the last few trees seen (the resolved tree and the written layers of one validation), so
 * that the rules of one pack, or of {@code RulePacks.all()}, walk a configuration once per validation rather than
 * once per rule. Thread-safe: the entries are an immutable list published through a volatile field; concurrent
 * validations of different trees only cost extra walks. It holds those trees until newer ones replace them.
 */
public final class IndexCache {

    private static final int CAPACITY = 8;

    private record Entry(ConfigObject root, TreeIndex index) {
    }

    private volatile List<Entry> entries = List.of();

    /**
     * @param root a tree
     * @return its index, built now or reused when the same tree (by identity) was indexed recently
     */
    public TreeIndex indexOf(ConfigObject root) {
        List<Entry> current = entries;
        for (Entry e : current) {
            if (e.root() == root) {
                return e.index();
            }
        }
        TreeIndex index = TreeIndex.of(root);
        List<Entry> next = new ArrayList<>(CAPACITY);
        next.add(new Entry(root, index));
        for (int i = 0; i < current.size() && next.size() < CAPACITY; i++) {
            next.add(current.get(i));
        }
        entries = List.copyOf(next);
        return index;
    }
}
