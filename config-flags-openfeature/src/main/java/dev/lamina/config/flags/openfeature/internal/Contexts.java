package dev.lamina.config.flags.openfeature.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.InvalidContextError;

import dev.lamina.config.flags.EvaluationContext;

/**
 * Converts an OpenFeature evaluation context into Lamina's: {@code targetingKey} is the user id; other attributes
 * keep their types (strings, numbers, booleans, instants, lists of those); structures and nulls are skipped because
 * no operator reads them. The built-in names may be written in snake case or camel case ({@code session_id},
 * {@code sessionId}).
 *
 * <p>Evaluation uses a {@link View} ({@link #check} first): the SDK hands the provider a new merged context on every call, so copying it
 * into Lamina's (parsing every attribute as a number, version, address and date) would be paid on every
 * evaluation; the view reads only the attributes a flag's rules ask for, and the provider's {@link Views} reuse one
 * per thread so that reading allocates nothing. {@link #toLamina} copies, for events that outlive the call
 * (tracking).
 */
public final class Contexts {

    private static final String[] CURRENT_TIME = {"current_time", "currentTime"};
    private static final String[] STICKY = {"user_id", "userId", "session_id", "sessionId"};

    private Contexts() {
    }

    /**
     * Checks what must fail the whole evaluation rather than read as absent during it.
     *
     * @param of an OpenFeature context, or {@code null}
     * @throws InvalidContextError when {@code current_time} is not an instant (or ISO-8601 text)
     */
    public static void check(dev.openfeature.sdk.EvaluationContext of) {
        if (of == null) {
            return;
        }
        for (String name : CURRENT_TIME) {
            Value v = of.getValue(name);
            if (v != null && !v.isNull()) {
                instant(v); // fails now with INVALID_CONTEXT rather than reading as absent during evaluation
            }
        }
    }

    /**
     * One thread's reusable view per provider: {@link #open} points it at a call's context, {@link View#close}
     * lets go of it, so that evaluating a flag that reads the context allocates nothing in the provider. A nested
     * evaluation on the same thread (a listener evaluating a flag) gets a view of its own.
     */
    public static final class Views {
        private final ThreadLocal<View> views = ThreadLocal.withInitial(View::new);

        /**
         * @param of the call's context, not {@code null}
         * @return a view over it, to {@link View#close} when the evaluation is done
         */
        public View open(dev.openfeature.sdk.EvaluationContext of) {
            View v = views.get();
            if (v.of != null) {
                v = new View(); // in use further up this thread's stack
            }
            v.of = of;
            return v;
        }
    }

    /**
     * @param of an OpenFeature context, or {@code null}
     * @return {@code true} when it has a targeting key, a {@code user_id} or a {@code session_id}
     */
    public static boolean hasStickyValue(dev.openfeature.sdk.EvaluationContext of) {
        if (of == null) {
            return false;
        }
        String key = of.getTargetingKey();
        if (key != null && !key.isEmpty()) {
            return true;
        }
        for (String name : STICKY) {
            Value v = of.getValue(name);
            if (v != null && !v.isNull() && !v.isStructure()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lamina's attribute names over an OpenFeature context, read on demand; reused by one thread for each call's
     * context ({@link Views}).
     */
    public static final class View implements EvaluationContext.AttributeSource, AutoCloseable {

        private dev.openfeature.sdk.EvaluationContext of;
        private final EvaluationContext lamina;

        private View() {
            this.lamina = EvaluationContext.confinedView(this);
        }

        /** @return Lamina's context over the current OpenFeature context */
        public EvaluationContext context() {
            return lamina;
        }

        /** Lets go of the call's context (a reused view must not keep it alive). */
        @Override
        public void close() {
            of = null;
        }

        @Override
        public Object attribute(String name) {
            switch (name) {
                case "user_id": {
                    String key = of.getTargetingKey();
                    if (key != null && !key.isEmpty()) {
                        return key; // the targeting key wins over a user_id attribute
                    }
                    return plain(either("user_id", "userId"));
                }
                case "session_id":
                    return plain(either(name, "sessionId"));
                case "remote_address":
                    return plain(either(name, "remoteAddress"));
                case "app_name":
                    return plain(either(name, "appName"));
                case "current_time": {
                    Value v = either(name, "currentTime");
                    if (v == null || v.isNull()) {
                        return null;
                    }
                    try {
                        return instant(v);
                    } catch (InvalidContextError e) {
                        return null; // checked in view(): unreachable unless the context changed since
                    }
                }
                default:
                    return dev.openfeature.sdk.EvaluationContext.TARGETING_KEY.equals(name) ? null
                            : plain(of.getValue(name));
            }
        }

        private Value either(String snake, String camel) {
            Value v = of.getValue(snake);
            return v != null && !v.isNull() ? v : of.getValue(camel);
        }

        private static Object plain(Value v) {
            if (v == null || v.isNull() || v.isStructure()) {
                return null;
            }
            if (!v.isList()) {
                return v.asObject(); // the SDK's own String, Boolean, Integer/Long/Double or Instant: no copy, no boxing
            }
            Object plain = Values.plain(v);
            if (plain instanceof List<?> l && l.stream().anyMatch(x -> x == null || x instanceof java.util.Map)) {
                return null; // a list of structures: no operator reads it
            }
            return plain;
        }

        @Override
        public Collection<String> names() {
            Set<String> names = new LinkedHashSet<>();
            String key = of.getTargetingKey();
            if (key != null && !key.isEmpty()) {
                names.add("user_id");
            }
            for (String k : of.keySet()) {
                if (!dev.openfeature.sdk.EvaluationContext.TARGETING_KEY.equals(k)) {
                    names.add(builtinName(k));
                }
            }
            return names;
        }
    }

    /**
     * @param of an OpenFeature context, or {@code null}
     * @return Lamina's context, a copy
     * @throws InvalidContextError when {@code current_time} is not an instant (or ISO-8601 text)
     */
    public static EvaluationContext toLamina(dev.openfeature.sdk.EvaluationContext of) {
        if (of == null || of.isEmpty()) {
            return EvaluationContext.empty();
        }
        EvaluationContext.Builder b = EvaluationContext.builder();
        for (String key : of.keySet()) {
            if (dev.openfeature.sdk.EvaluationContext.TARGETING_KEY.equals(key)) {
                continue;
            }
            Value v = of.getValue(key);
            if (v == null || v.isNull() || v.isStructure()) {
                continue;
            }
            String name = builtinName(key);
            if ("current_time".equals(name)) {
                b.currentTime(instant(v));
                continue;
            }
            Object plain = Values.plain(v);
            if (plain instanceof List<?> l && l.stream().anyMatch(x -> x == null || x instanceof java.util.Map)) {
                continue; // a list of structures: no operator reads it
            }
            b.typedAttribute(name, plain);
        }
        String targetingKey = of.getTargetingKey();
        if (targetingKey != null && !targetingKey.isEmpty()) {
            b.userId(targetingKey); // the targeting key wins over a user_id attribute
        }
        return b.build();
    }

    private static Instant instant(Value v) {
        if (v.isInstant()) {
            return v.asInstant();
        }
        if (v.isString()) {
            try {
                return Instant.parse(v.asString());
            } catch (DateTimeParseException e) {
                // fall through to the error below
            }
        }
        throw new InvalidContextError("current_time must be an instant (or ISO-8601 text such as"
                + " 2026-01-01T00:00:00Z)");
    }

    private static String builtinName(String key) {
        return switch (key) {
            case "userId" -> "user_id";
            case "sessionId" -> "session_id";
            case "remoteAddress" -> "remote_address";
            case "appName" -> "app_name";
            case "currentTime" -> "current_time";
            default -> key;
        };
    }
}
