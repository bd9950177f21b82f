package dev.lamina.config.internal.tree;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The immutable, insertion-ordered map behind every {@link dev.lamina.config.ConfigObject}: keys and values in two
 * arrays, found by a scan of the cached key hashes up to {@value #SCAN_LIMIT} entries and through a small
 * open-addressing table of positions above that.
 *
 * <p>Why not an unmodifiable {@code LinkedHashMap}: a configuration holds one map per object, and the linked map
 * costs a 40-byte entry per key plus its table, the wrapper and the cached views, about 70 bytes per entry; a
 * version that changes one leaf copies the maps on the path to it, so the same cost repeats per version in the
 * history (issue 11). Here an entry costs two array slots (8 bytes with compressed references), and a table slot
 * above the scan limit. Equality and hash code are those of {@link Map}; every mutator throws
 * {@link UnsupportedOperationException}. Thread-safe (immutable once built, final fields).
 *
 * @param <V> the value type
 */
public final class CompactMap<V> extends AbstractMap<String, V> {

    /** Up to this many entries, a lookup scans the keys (comparing cached hashes first). */
    static final int SCAN_LIMIT = 12;

    private static final CompactMap<?> EMPTY = new CompactMap<>(new String[0], new Object[0]);

    private final String[] keys;
    private final Object[] values;
    /** Position + 1 of each key by hash (0 = free), or {@code null} at or below {@link #SCAN_LIMIT} entries. */
    private final int[] table;

    private CompactMap(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
        this.table = keys.length > SCAN_LIMIT ? buildTable(keys) : null;
    }

    /**
     * @param entries entries in order; keys and values must not be {@code null}
     * @param <V>     the value type
     * @return an immutable copy keeping the order; {@code entries} itself when it already is one
     * @throws NullPointerException if a key or value is {@code null}
     */
    @SuppressWarnings("unchecked")
    public static <V> CompactMap<V> copyOf(Map<String, ? extends V> entries) {
        if (entries instanceof CompactMap<?> c) {
            return (CompactMap<V>) c;
        }
        int n = entries.size();
        if (n == 0) {
            return (CompactMap<V>) EMPTY;
        }
        String[] k = new String[n];
        Object[] v = new Object[n];
        int i = 0;
        for (Map.Entry<String, ? extends V> e : entries.entrySet()) {
            if (i == n) {
                throw new IllegalArgumentException("the map grew while it was copied");
            }
            k[i] = Objects.requireNonNull(e.getKey(), "key");
            v[i] = Objects.requireNonNull(e.getValue(), "value");
            i++;
        }
        if (i != n) {
            throw new IllegalArgumentException("the map shrank while it was copied");
        }
        return new CompactMap<>(k, v);
    }

    /**
     * @param replacements a value per position, or {@code null} to keep the value there
     * @return a map with the same keys in the same order (the key array is shared) and the values replaced
     */
    public CompactMap<V> withValues(V[] replacements) {
        Object[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            if (replacements[i] != null) {
                v[i] = replacements[i];
            }
        }
        return new CompactMap<>(keys, v, table);
    }

    private CompactMap(String[] keys, Object[] values, int[] table) {
        this.keys = keys;
        this.values = values;
        this.table = table;
    }

    private static int[] buildTable(String[] keys) {
        int capacity = Integer.highestOneBit(keys.length * 2 - 1) << 1;
        int[] t = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < keys.length; i++) {
            int j = spread(keys[i].hashCode()) & mask;
            while (t[j] != 0) {
                if (keys[t[j] - 1].equals(keys[i])) {
                    throw new IllegalArgumentException("duplicate key '" + keys[i] + "'");
                }
                j = (j + 1) & mask;
            }
            t[j] = i + 1;
        }
        return t;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private int indexOf(Object key) {
        if (!(key instanceof String s)) {
            return -1;
        }
        String[] k = keys;
        int h = s.hashCode();
        int[] t = table;
        if (t == null) {
            for (int i = 0; i < k.length; i++) {
                String x = k[i];
                if (x == s || x.hashCode() == h && x.equals(s)) {
                    return i;
                }
            }
            return -1;
        }
        int mask = t.length - 1;
        int j = spread(h) & mask;
        int p;
        while ((p = t[j]) != 0) {
            String x = k[p - 1];
            if (x == s || x.hashCode() == h && x.equals(s)) {
                return p - 1;
            }
            j = (j + 1) & mask;
        }
        return -1;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @SuppressWarnings("unchecked")
    @Override
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @SuppressWarnings("unchecked")
    @Override
    public V getOrDefault(Object key, V defaultValue) {
        int i = indexOf(key);
        return i < 0 ? defaultValue : (V) values[i];
    }

    @SuppressWarnings("unchecked")
    @Override
    public void forEach(BiConsumer<? super String, ? super V> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], (V) values[i]);
        }
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return new Cursor<>(keys.length) {
                    @SuppressWarnings("unchecked")
                    @Override
                    Map.Entry<String, V> at(int i) {
                        return new SimpleImmutableEntry<>(keys[i], (V) values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return new Cursor<>(keys.length) {
                    @Override
                    String at(int i) {
                        return keys[i];
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public boolean contains(Object o) {
                return indexOf(o) >= 0;
            }
        };
    }

    @Override
    public Collection<V> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<V> iterator() {
                return new Cursor<>(keys.length) {
                    @SuppressWarnings("unchecked")
                    @Override
                    V at(int i) {
                        return (V) values[i];
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    /** An iterator over positions; {@code remove} is not supported. */
    private abstract static class Cursor<T> implements Iterator<T> {
        private final int size;
        private int next;

        Cursor(int size) {
            this.size = size;
        }

        abstract T at(int i);

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public T next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            return at(next++);
        }
    }

    // Immutable: every mutator throws, whether or not it would change anything (as Collections.unmodifiableMap).

    @Override
    public V put(String key, V value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V remove(Object key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void putAll(Map<? extends String, ? extends V> m) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super V, ? extends V> function) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V putIfAbsent(String key, V value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(Object key, Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean replace(String key, V oldValue, V newValue) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V replace(String key, V value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V computeIfAbsent(String key, Function<? super String, ? extends V> mappingFunction) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V computeIfPresent(String key, BiFunction<? super String, ? super V, ? extends V> remappingFunction) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V compute(String key, BiFunction<? super String, ? super V, ? extends V> remappingFunction) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V merge(String key, V value, BiFunction<? super V, ? super V, ? extends V> function) {
        throw new UnsupportedOperationException();
    }
}
