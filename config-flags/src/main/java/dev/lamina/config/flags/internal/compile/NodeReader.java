package dev.lamina.config.flags.internal.compile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ScalarType;
import dev.lamina.config.flags.FlagDefinitionException;
import dev.lamina.config.flags.internal.eval.Stickiness;
import dev.lamina.config.flags.internal.value.Numbers;
import dev.lamina.config.flags.internal.value.Timestamps;
import dev.lamina.config.spi.Suggestions;

/**
 * Reads typed values out of definition nodes, recording a problem (with origin and path) for everything that does
 * not fit and returning {@code null} so that compilation can go on and report all problems together.
 */
final class NodeReader {

    private final List<FlagDefinitionException.Problem> problems = new ArrayList<>();

    /** @return the keys as a set that keeps their order (for the "allowed keys" list) */
    static Set<String> keys(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }

    static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }

    Stickiness stickiness(ConfigNode node, ConfigPath path) {
        String s = string(node, path);
        return s == null ? Stickiness.DEFAULT : Stickiness.of(s);
    }

    List<FlagDefinitionException.Problem> problems() {
        return problems;
    }

    void problem(ConfigNode node, ConfigPath path, String reason) {
        problems.add(new FlagDefinitionException.Problem(node.origin(), path, reason));
    }

    ConfigObject object(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigObject o) {
            return o;
        }
        problem(node, path, "expected an object, found " + article(node));
        return null;
    }

    ConfigList list(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigList l) {
            return l;
        }
        problem(node, path, "expected a list, found " + article(node));
        return null;
    }

    /** Reports every key that is not in {@code known}, with the nearest known key. */
    void checkKeys(ConfigObject o, ConfigPath path, Set<String> known) {
        o.entries().forEach((k, v) -> {
            if (!known.contains(k)) {
                problem(v, path.child(k), "unknown key '" + k + "'" + Suggestions.didYouMean(k, known)
                        + "; allowed keys: " + String.join(", ", known));
            }
        });
    }

    String string(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigScalar s) {
            if (s.text().isBlank()) {
                problem(node, path, "must not be blank");
                return null;
            }
            return s.text();
        }
        problem(node, path, "expected a string, found " + article(node));
        return null;
    }

    /** A scalar's text (any scalar type), for constraint values. */
    String text(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigScalar s) {
            return s.text();
        }
        problem(node, path, "expected a single value, found " + article(node));
        return null;
    }

    Boolean bool(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigScalar s && (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.text());
        }
        problem(node, path, "expected true or false, found " + article(node));
        return null;
    }

    BigDecimal decimal(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigScalar s && s.type() != ScalarType.BOOLEAN && Numbers.isNumber(s.text().trim())) {
            return new BigDecimal(s.text().trim().startsWith("+") ? s.text().trim().substring(1) : s.text().trim());
        }
        problem(node, path, "expected a number, found " + article(node));
        return null;
    }

    Double percentage(ConfigNode node, ConfigPath path) {
        BigDecimal d = decimal(node, path);
        if (d == null) {
            return null;
        }
        if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(100)) > 0) {
            problem(node, path, "must be between 0 and 100, found " + d.toPlainString());
            return null;
        }
        return d.doubleValue();
    }

    Integer nonNegativeInt(ConfigNode node, ConfigPath path) {
        BigDecimal d = decimal(node, path);
        if (d == null) {
            return null;
        }
        try {
            int v = d.intValueExact();
            if (v < 0) {
                problem(node, path, "must not be negative, found " + v);
                return null;
            }
            return v;
        } catch (ArithmeticException e) {
            problem(node, path, "expected a whole number within int range, found " + d.toPlainString());
            return null;
        }
    }

    Instant instant(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigScalar s) {
            Instant i = Timestamps.parseOrNull(s.text());
            if (i != null) {
                return i;
            }
        }
        problem(node, path, "expected an ISO-8601 date-time with an offset (2026-01-01T00:00:00Z) or a date"
                + " (2026-01-01, UTC), found " + article(node));
        return null;
    }

    /** A list of scalars' texts (a single scalar counts as a one-item list). */
    List<String> texts(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigScalar s) {
            return List.of(s.text());
        }
        ConfigList l = list(node, path);
        if (l == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            String t = text(l.items().get(i), path.child(i));
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    static String article(ConfigNode node) {
        if (node instanceof ConfigNull) {
            return "null";
        }
        String kind = node.kindName();
        return ("object".equals(kind) ? "an " : "a ") + kind;
    }
}
