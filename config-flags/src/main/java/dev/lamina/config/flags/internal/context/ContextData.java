package dev.lamina.config.flags.internal.context;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The evaluator's view of an evaluation context: built-in attributes in an array indexed by the constants below,
 * custom attributes in two parallel arrays (a hash map as well when there are many), every value pre-parsed.
 * Immutable once built.
 *
 * <p>A context may instead read its attributes from a {@link Source} when the evaluator asks for them (an adapter's
 * own context, such as OpenFeature's, that is new on every call): then only the attributes a flag reads are
 * interpreted, each time it reads them, and nothing is kept, so the view is as thread-safe as its source.
 */
public final class ContextData {

    /** Attributes read on demand. */
    @FunctionalInterface
    public interface Source {
        /**
         * @param name a built-in name in snake case ({@code user_id}, {@code current_time}, ...) or a custom name
         * @return the attribute, or {@code null} when absent (for {@code current_time}, a value whose text is an
         *         ISO-8601 instant)
         */
        AttributeValue read(String name);
    }

    private final Source source;

    /** Index of {@code user_id}. */
    public static final int USER_ID = 0;
    /** Index of {@code session_id}. */
    public static final int SESSION_ID = 1;
    /** Index of {@code remote_address}. */
    public static final int REMOTE_ADDRESS = 2;
    /** Index of {@code environment}. */
    public static final int ENVIRONMENT = 3;
    /** Index of {@code app_name}. */
    public static final int APP_NAME = 4;
    /** Index of {@code current_time}. */
    public static final int CURRENT_TIME = 5;

    private static final String[] BUILTIN_NAMES = {
        "user_id", "session_id", "remote_address", "environment", "app_name", "current_time"};

    private final AttributeValue[] builtins;
    /** Above this many custom attributes a lookup hashes instead of scanning. */
    private static final int SCAN_LIMIT = 8;

    private final String[] customNames;
    private final AttributeValue[] customValues;
    private final Map<String, AttributeValue> customIndex;
    private final boolean hasTime;
    private final long timeSecond;
    private final int timeNano;

    /**
     * @param builtins    built-in values by index ({@code null} entries for absent ones); copied
     * @param custom      custom attributes (no {@code null} values); copied
     * @param currentTime the context's time, or {@code null} to use the evaluator's clock
     */
    public ContextData(String[] builtins, Map<String, String> custom, Instant currentTime) {
        this(builtins, custom, Map.of(), currentTime);
    }

    /**
     * @param builtins    built-in values by index ({@code null} entries for absent ones); copied
     * @param custom      custom attributes' texts (no {@code null} values); copied
     * @param lists       the elements' texts of the custom attributes that are lists
     * @param currentTime the context's time, or {@code null} to use the evaluator's clock
     */
    public ContextData(String[] builtins, Map<String, String> custom, Map<String, String[]> lists,
                       Instant currentTime) {
        this.builtins = new AttributeValue[BUILTIN_NAMES.length];
        for (int i = 0; i < BUILTIN_NAMES.length; i++) {
            if (i != CURRENT_TIME && builtins[i] != null) {
                this.builtins[i] = new AttributeValue(builtins[i]);
            }
        }
        if (currentTime != null) {
            this.builtins[CURRENT_TIME] = new AttributeValue(currentTime.toString());
        }
        int n = custom.size();
        this.customNames = new String[n];
        this.customValues = new AttributeValue[n];
        int i = 0;
        for (Map.Entry<String, String> e : custom.entrySet()) {
            customNames[i] = e.getKey();
            customValues[i] = new AttributeValue(e.getValue(), lists.get(e.getKey()));
            i++;
        }
        if (n > SCAN_LIMIT) {
            this.customIndex = new HashMap<>(n * 2);
            for (int j = 0; j < n; j++) {
                customIndex.put(customNames[j], customValues[j]);
            }
        } else {
            this.customIndex = null;
        }
        this.hasTime = currentTime != null;
        this.timeSecond = currentTime == null ? 0 : currentTime.getEpochSecond();
        this.timeNano = currentTime == null ? 0 : currentTime.getNano();
        this.source = null;
    }

    /** @param source where every attribute is read, when the evaluator asks for it */
    public ContextData(Source source) {
        this.source = java.util.Objects.requireNonNull(source, "source");
        this.builtins = null;
        this.customNames = null;
        this.customValues = null;
        this.customIndex = null;
        this.hasTime = false;
        this.timeSecond = 0;
        this.timeNano = 0;
    }

    /**
     * @param name an attribute name
     * @return the built-in index for {@code name}, or {@code -1} for a custom attribute
     */
    public static int builtinIndex(String name) {
        for (int i = 0; i < BUILTIN_NAMES.length; i++) {
            if (BUILTIN_NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param index a built-in index
     * @return the value, or {@code null} when absent
     */
    public AttributeValue builtin(int index) {
        if (source != null) {
            return source.read(BUILTIN_NAMES[index]);
        }
        return builtins[index];
    }

    /**
     * @param name a custom attribute's name
     * @return the value, or {@code null} when absent
     */
    public AttributeValue custom(String name) {
        // Compiled attribute names are interned and contexts are mostly built with literal names, so an identity
        // scan of a few slots usually hits before any hashing or String.equals; the same array, one cache line.
        if (source != null) {
            return source.read(name);
        }
        String[] names = customNames;
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name) {
                return customValues[i];
            }
        }
        if (customIndex != null) {
            return customIndex.get(name);
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return customValues[i];
            }
        }
        return null;
    }

    /** @return {@code true} when the context carries its own current time */
    public boolean hasTime() {
        if (source != null) {
            AttributeValue t = source.read(BUILTIN_NAMES[CURRENT_TIME]);
            return t != null && t.hasInstant();
        }
        return hasTime;
    }

    /** @return the context time's epoch second (valid when {@link #hasTime()}) */
    public long timeSecond() {
        if (source != null) {
            AttributeValue t = source.read(BUILTIN_NAMES[CURRENT_TIME]);
            return t == null ? 0 : t.epochSecond();
        }
        return timeSecond;
    }

    /** @return the context time's nano-of-second (valid when {@link #hasTime()}) */
    public int timeNano() {
        if (source != null) {
            AttributeValue t = source.read(BUILTIN_NAMES[CURRENT_TIME]);
            return t == null ? 0 : t.nano();
        }
        return timeNano;
    }
}
