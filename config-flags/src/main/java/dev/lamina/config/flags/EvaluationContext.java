package dev.lamina.config.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.flags.internal.context.ContextData;

/**
 * Who and where a flag is evaluated for: user, session, remote address, time, application, environment and
 * free-form attributes. Immutable and thread-safe; build one per request and reuse it for every flag of that
 * request, since everything evaluation needs (parsed numbers, versions, dates, addresses) is computed once here.
 *
 * <p>Attribute names used by constraints: {@code user_id}, {@code session_id}, {@code remote_address},
 * {@code environment}, {@code app_name}, {@code current_time}, and any name set with
 * {@link Builder#attribute(String, String)}.
 */
public final class EvaluationContext {

    private static final EvaluationContext EMPTY = builder().build();

    final ContextData data;
    private final String[] builtins;
    private final Instant currentTime;
    private final Map<String, String> attributes;

    private EvaluationContext(Builder b) {
        this.builtins = b.builtins.clone();
        this.currentTime = b.currentTime;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
        this.data = new ContextData(builtins, attributes, currentTime);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
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
        return Optional.ofNullable(builtins[ContextData.USER_ID]);
    }

    /** @return the session id, when set */
    public Optional<String> sessionId() {
        return Optional.ofNullable(builtins[ContextData.SESSION_ID]);
    }

    /** @return the remote address, when set */
    public Optional<String> remoteAddress() {
        return Optional.ofNullable(builtins[ContextData.REMOTE_ADDRESS]);
    }

    /** @return the environment, when set */
    public Optional<String> environment() {
        return Optional.ofNullable(builtins[ContextData.ENVIRONMENT]);
    }

    /** @return the application name, when set */
    public Optional<String> appName() {
        return Optional.ofNullable(builtins[ContextData.APP_NAME]);
    }

    /** @return the time the context is evaluated at, when set (otherwise the evaluator's clock is used) */
    public Optional<Instant> currentTime() {
        return Optional.ofNullable(currentTime);
    }

    /** @return the custom attributes, unmodifiable, in the order they were set */
    public Map<String, String> attributes() {
        return attributes;
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
        return Optional.ofNullable(i >= 0 ? builtins[i] : attributes.get(name));
    }

    @Override
    public String toString() {
        // Attribute values may be personal data: name what is set, not the values.
        return "EvaluationContext" + attributeNames();
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
            } else {
                attributes.put(name, value);
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
