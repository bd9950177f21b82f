package dev.lamina.config.flags.openfeature.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.InvalidContextError;

import dev.lamina.config.flags.EvaluationContext;

/**
 * Converts an OpenFeature evaluation context into Lamina's: {@code targetingKey} is the user id; other attributes
 * keep their types (strings, numbers, booleans, instants, lists of those); structures and nulls are skipped because
 * no operator reads them. The built-in names may be written in snake case or camel case ({@code session_id},
 * {@code sessionId}).
 */
public final class Contexts {

    private Contexts() {
    }

    /**
     * @param of an OpenFeature context, or {@code null}
     * @return Lamina's context
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
