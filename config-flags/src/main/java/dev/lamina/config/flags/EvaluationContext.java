package dev.lamina.config.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.flags.internal.context.AttributeText;
import dev.lamina.config.flags.internal.context.ContextData;

/**
 * Who and where a flag is evaluated for: user, session, remote address, time, application, environment and
 * free-form attributes. Immutable and thread-safe; build one per request and reuse it for every flag of that
 * request, since everything evaluation needs (parsed numbers, versions, dates, addresses) is computed once here.
 *
 * <p>Attribute names used by constraints: {@code user_id}, {@code session_id}, {@code remote_address},
 * {@code environment}, {@code app_name}, {@code current_time}, and any name set with
 * {@link Builder#attribute(String, String)} or {@link Builder#typedAttribute(String, Object)}.
 *
 * <p><b>Typed attributes.</b> {@link Builder#typedAttribute(String, Object)} keeps a number, boolean, instant or
 * list as such ({@link #typedAttributes()}); every attribute also has a text form ({@link #attributes()}), which is
 * what {@code IN} and the string operators compare: {@code 65}, {@code 0.5}, {@code true},
 * {@code 2026-01-01T00:00:00Z}. Numeric, date and version operators read the typed value exactly. A list matches
 * {@code IN} when any element is in the values (and {@code NOT_IN} when none is).
 */
public final class EvaluationContext {

    private static final EvaluationContext EMPTY = builder().build();

    final ContextData data;
    private final String[] builtins;
    private final Instant currentTime;
    private final Map<String, String> attributes;
    private final Map<String, Object> typed;
    /** A view's source, or {@code null} for a built context. */
    private final AttributeSource source;
    /** A view's attributes copied into a built context, on the first call that needs them all. */
    private volatile EvaluationContext copied;
    /** A {@linkplain #confinedView confined} view, whose source may change between evaluations. */
    private final boolean confined;

    /**
     * Where a {@linkplain #view(AttributeSource) view} reads its attributes. Implementations must be thread-safe if
     * the view is shared between threads.
     */
    public interface AttributeSource {

        /**
         * @param name a built-in name in snake case ({@code user_id}, {@code session_id}, {@code remote_address},
         *             {@code environment}, {@code app_name}, {@code current_time}) or a custom attribute's name
         * @return the value as {@link Builder#typedAttribute(String, Object)} accepts it (a {@code String},
         *         {@code Number}, {@code Boolean}, {@code Instant} or {@code List} of those; an {@code Instant} for
         *         {@code current_time}), or {@code null} when absent; a value of any other type counts as absent
         */
        Object attribute(String name);

        /**
         * @return the names of the attributes set, built-in ones in snake case; read only by the methods that list
         *         or copy every attribute ({@link #attributes()}, {@link #toString()}, ...), never by evaluation
         */
        Collection<String> names();
    }

    private EvaluationContext(AttributeSource source, boolean confined) {
        this.source = source;
        this.confined = confined;
        this.builtins = null;
        this.currentTime = null;
        this.attributes = null;
        this.typed = null;
        // ViewReads holds what knows ReadAttribute, so that a JVM using only built contexts never loads that class
        // (verifying this class would load it otherwise) and keeps its evaluation path monomorphic.
        this.data = new ContextData(confined ? ViewReads.confined(source) : ViewReads.shared(source));
    }

    /** @return whether a view may hand {@code value} to evaluation (see {@link Builder#typedAttribute}) */
    static boolean supported(Object value) {
        if (value instanceof List<?> l) {
            for (Object o : l) {
                if (o == null || o instanceof List<?> || !supported(o)) {
                    return false;
                }
            }
            return true;
        }
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Instant;
    }

    /** @return this context, or a view's attributes copied into a built context */
    private EvaluationContext self() {
        if (source == null) {
            return this;
        }
        EvaluationContext c = confined ? null : copied;
        if (c == null) {
            Builder b = builder();
            for (String name : source.names()) {
                Object v = source.attribute(name);
                if (v == null || (ContextData.builtinIndex(name) == ContextData.CURRENT_TIME ? !(v instanceof Instant)
                        : !supported(v))) {
                    continue;
                }
                b.typedAttribute(name, v);
            }
            c = b.build();
            if (!confined) {
                copied = c; // a benign race: two threads at worst copy the same attributes twice
            }
        }
        return c;
    }

    private EvaluationContext(Builder b) {
        this.source = null;
        this.confined = false;
        this.builtins = b.builtins.clone();
        this.currentTime = b.currentTime;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
        this.typed = Collections.unmodifiableMap(new LinkedHashMap<>(b.typed));
        Map<String, String[]> lists = new LinkedHashMap<>();
        b.typed.forEach((k, v) -> {
            if (v instanceof List<?> l) {
                lists.put(k, l.stream().map(EvaluationContext::text).toArray(String[]::new));
            }
        });
        this.data = new ContextData(builtins, attributes, lists, currentTime);
    }

    /**
     * @param value a typed attribute value (or a list element)
     * @return its text form
     */
    static String text(Object value) {
        return AttributeText.text(value);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A context that reads its attributes from {@code source} when a flag needs them instead of copying them: for
     * adapters whose own context is new on every evaluation (OpenFeature's), so that a flag that reads one attribute
     * interprets that one only. Evaluation reads {@link AttributeSource#attribute(String)} for each attribute a flag
     * reads, every time it reads it (the source's values are not kept); the other methods ({@link #userId()},
     * {@link #attributes()}, ...) copy every attribute once, on first use.
     *
     * @param source where attributes are read
     * @return the view
     * @throws NullPointerException if {@code source} is {@code null}
     */
    public static EvaluationContext view(AttributeSource source) {
        return new EvaluationContext(Objects.requireNonNull(source, "source"), false);
    }

    /**
     * A {@linkplain #view(AttributeSource) view} for one thread at a time, made once and reused for every evaluation
     * on that thread while its source points at each call's attributes (an adapter keeps one per thread, e.g. in a
     * {@code ThreadLocal}): evaluating a flag against it allocates nothing for attributes that are a
     * {@code String}, {@code Boolean}, {@code Long}/{@code Integer}/{@code Double} or {@code Instant} — a string
     * compared by {@code IN} or the string operators, or hashed for a rollout; a number compared by {@code NUM_*};
     * an instant compared by {@code DATE_*}. What does allocate: a list attribute, the text of a number or instant
     * (when {@code IN} or a string operator reads one), a version ({@code SEMVER_*}), an address ({@code IN_CIDR}),
     * a number or date parsed from text, and {@code REGEX}.
     *
     * <p>Not thread-safe, unlike other contexts: never share it between threads, and do not keep an attribute value
     * it produced beyond one evaluation. The methods that list or copy every attribute ({@link #userId()},
     * {@link #attributes()}, ...) copy them on every call, since the source changes.
     *
     * @param source where attributes are read; it may change what it answers between evaluations
     * @return the view
     * @throws NullPointerException if {@code source} is {@code null}
     */
    public static EvaluationContext confinedView(AttributeSource source) {
        return new EvaluationContext(Objects.requireNonNull(source, "source"), true);
    }

    /** @return a context with nothing set (rollouts with {@code default} stickiness then fall back to random) */
    public static EvaluationContext empty() {
        return EMPTY;
    }

    /**
     * @param userId the user's id
     * @return a context with only the user id set
     * @throws NullPointerException if {@code userId} is {@code null}
     */
    public static EvaluationContext ofUser(String userId) {
        return builder().userId(Objects.requireNonNull(userId, "userId")).build();
    }

    /** @return the user id, when set */
    public Optional<String> userId() {
        return Optional.ofNullable(self().builtins[ContextData.USER_ID]);
    }

    /** @return the session id, when set */
    public Optional<String> sessionId() {
        return Optional.ofNullable(self().builtins[ContextData.SESSION_ID]);
    }

    /** @return the remote address, when set */
    public Optional<String> remoteAddress() {
        return Optional.ofNullable(self().builtins[ContextData.REMOTE_ADDRESS]);
    }

    /** @return the environment, when set */
    public Optional<String> environment() {
        return Optional.ofNullable(self().builtins[ContextData.ENVIRONMENT]);
    }

    /** @return the application name, when set */
    public Optional<String> appName() {
        return Optional.ofNullable(self().builtins[ContextData.APP_NAME]);
    }

    /** @return the time the context is evaluated at, when set (otherwise the evaluator's clock is used) */
    public Optional<Instant> currentTime() {
        return Optional.ofNullable(self().currentTime);
    }

    /** @return the custom attributes, unmodifiable, in the order they were set */
    public Map<String, String> attributes() {
        return self().attributes;
    }

    /**
     * @return the custom attributes with their types, unmodifiable, in the order they were set: a value set with
     *         {@link Builder#typedAttribute(String, Object)} keeps its type ({@code Long}, {@code Double},
     *         {@code Boolean}, {@code Instant}, {@code List}), one set with {@link Builder#attribute(String, String)}
     *         is a {@code String}
     */
    public Map<String, Object> typedAttributes() {
        return self().typed;
    }

    /**
     * @param name an attribute name, built-in ({@code user_id}, …) or custom
     * @return the attribute's text, when set
     */
    public Optional<String> attribute(String name) {
        int i = ContextData.builtinIndex(name);
        if (i == ContextData.CURRENT_TIME) {
            return currentTime().map(Instant::toString);
        }
        EvaluationContext c = self();
        return Optional.ofNullable(i >= 0 ? c.builtins[i] : c.attributes.get(name));
    }

    @Override
    public String toString() {
        // Attribute values may be personal data: name what is set, not the values.
        return "EvaluationContext" + self().attributeNames();
    }

    private List<String> attributeNames() {
        List<String> names = new ArrayList<>();
        for (String n : new String[] {"user_id", "session_id", "remote_address", "environment", "app_name"}) {
            if (attribute(n).isPresent()) {
                names.add(n);
            }
        }
        if (currentTime != null) {
            names.add("current_time");
        }
        names.addAll(attributes.keySet());
        return names;
    }

    /** Builds an {@link EvaluationContext}. Not thread-safe; a {@code null} value clears the attribute. */
    public static final class Builder {

        private final String[] builtins = new String[6];
        private Instant currentTime;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final Map<String, Object> typed = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param userId the user id, or {@code null}
         * @return this builder
         */
        public Builder userId(String userId) {
            builtins[ContextData.USER_ID] = userId;
            return this;
        }

        /**
         * @param sessionId the session id, or {@code null}
         * @return this builder
         */
        public Builder sessionId(String sessionId) {
            builtins[ContextData.SESSION_ID] = sessionId;
            return this;
        }

        /**
         * @param remoteAddress an IPv4/IPv6 literal, or {@code null}
         * @return this builder
         */
        public Builder remoteAddress(String remoteAddress) {
            builtins[ContextData.REMOTE_ADDRESS] = remoteAddress;
            return this;
        }

        /**
         * @param environment the environment name, or {@code null}
         * @return this builder
         */
        public Builder environment(String environment) {
            builtins[ContextData.ENVIRONMENT] = environment;
            return this;
        }

        /**
         * @param appName the application name, or {@code null}
         * @return this builder
         */
        public Builder appName(String appName) {
            builtins[ContextData.APP_NAME] = appName;
            return this;
        }

        /**
         * @param currentTime the evaluation time, or {@code null} for the evaluator's clock
         * @return this builder
         */
        public Builder currentTime(Instant currentTime) {
            this.currentTime = currentTime;
            return this;
        }

        /**
         * Sets an attribute. The built-in names ({@code user_id}, {@code session_id}, {@code remote_address},
         * {@code environment}, {@code app_name}) set the built-in value; {@code current_time} must be set with
         * {@link #currentTime(Instant)}.
         *
         * @param name  the name; never {@code null}
         * @param value the text, or {@code null} to clear
         * @return this builder
         * @throws NullPointerException     if {@code name} is {@code null}
         * @throws IllegalArgumentException if {@code name} is {@code current_time}
         */
        public Builder attribute(String name, String value) {
            Objects.requireNonNull(name, "name");
            int i = ContextData.builtinIndex(name);
            if (i == ContextData.CURRENT_TIME) {
                throw new IllegalArgumentException("set current_time with currentTime(Instant)");
            }
            if (i >= 0) {
                builtins[i] = value;
            } else if (value == null) {
                attributes.remove(name);
                typed.remove(name);
            } else {
                attributes.put(name, value);
                typed.put(name, value);
            }
            return this;
        }

        /**
         * Sets an attribute keeping its type: a {@code String}, a {@code Number} ({@code Integer}, {@code Long},
         * {@code Double}, {@code BigDecimal}, …), a {@code Boolean}, an {@code Instant}, or a {@code List} of those.
         * Its text form (see the class comment) is what {@link #attribute(String, String)} would have set. A
         * built-in name takes the text form; {@code current_time} takes an {@code Instant}.
         *
         * @param name  the name; never {@code null}
         * @param value the value, or {@code null} to clear
         * @return this builder
         * @throws NullPointerException     if {@code name} is {@code null}
         * @throws IllegalArgumentException if the value is of another type
         */
        public Builder typedAttribute(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (ContextData.builtinIndex(name) == ContextData.CURRENT_TIME) {
                if (value != null && !(value instanceof Instant)) {
                    throw new IllegalArgumentException("current_time must be an Instant, found "
                            + value.getClass().getName());
                }
                return currentTime((Instant) value);
            }
            if (value == null) {
                return attribute(name, null);
            }
            String text = text(value);
            attribute(name, text);
            if (ContextData.builtinIndex(name) < 0) {
                Object kept = value instanceof List<?> l ? List.copyOf(l) : value;
                typed.put(name, kept instanceof Integer || kept instanceof Short || kept instanceof Byte
                        ? Long.valueOf(((Number) kept).longValue()) : kept instanceof Float f ? Double.valueOf(text) : kept);
            }
            return this;
        }

        /**
         * @param values attributes to set as by {@link #attribute(String, String)}
         * @return this builder
         */
        public Builder attributes(Map<String, String> values) {
            values.forEach(this::attribute);
            return this;
        }

        /** @return the context */
        public EvaluationContext build() {
            return new EvaluationContext(this);
        }
    }
}
