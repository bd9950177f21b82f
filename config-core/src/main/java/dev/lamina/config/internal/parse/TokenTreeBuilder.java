package dev.lamina.config.internal.parse;

import java.io.IOException;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Format;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.ScalarType;
import dev.lamina.config.internal.bind.ScalarSyntax;
import dev.lamina.config.internal.merge.DottedKeys;

/**
 * Builds our immutable tree from a {@link TokenStream}: one reader for YAML, JSON, TOML and XML. It keeps
 * every scalar's written text, gives every node an {@link Origin}, rejects duplicate keys and YAML merge keys,
 * enforces the {@link ParseLimits} (depth, string and number length, node count) and types scalars per format.
 * One instance reads one document; not thread-safe.
 */
final class TokenTreeBuilder {

    private static final int MAX_64_BIT_INTEGER_BITS = 63;

    private final String source;
    private final Format format;
    private final ParseLimits limits;
    private final TomlLineIndex tomlIndex;
    private final List<String> path = new ArrayList<>();
    /**
     * One instance per distinct key and short scalar text of the document: the parser makes a new string for every
     * occurrence, and a configuration repeats its key names (every service has a {@code port}) and short values
     * ({@code true}, {@code 8080}) many times over; a loaded tree keeps them all (issue 11: memory per leaf).
     */
    private final Map<String, String> strings = new HashMap<>();
    private int nodes;

    TokenTreeBuilder(String source, Format format, ParseLimits limits, TomlLineIndex tomlIndex) {
        this.source = source;
        this.format = format;
        this.limits = limits;
        this.tomlIndex = tomlIndex;
    }

    /** Scalar texts up to this length are shared ({@link #strings}); longer ones are rarely repeated. */
    private static final int SHARED_TEXT_LENGTH = 16;

    /**
     * Beyond this many distinct strings the table only answers and no longer grows: the texts that repeat (key
     * names, booleans, small numbers) are met early, and a table of every unique text of a million-leaf file cost
     * a sixth of its parse.
     */
    private static final int SHARED_MAX = 4096;

    private String shared(String s) {
        String known = strings.get(s);
        if (known != null) {
            return known;
        }
        if (strings.size() < SHARED_MAX) {
            strings.put(s, s);
        }
        return s;
    }

    /** Reads the whole document; the caller checks what follows the root. */
    ConfigObject readRoot(TokenStream p, Token first) throws IOException {
        if (first == null || first == Token.NULL && format == Format.YAML) {
            return ConfigObject.empty(Origin.of(source)); // empty file, or a YAML document with no content
        }
        if (first != Token.START_OBJECT) {
            throw Failures.parse(origin(p), null, "the document root must be an object of key/value pairs, found "
                    + describe(first) + "; wrap the content under a key");
        }
        return readObject(p, 1);
    }

    private ConfigObject readObject(TokenStream p, int depth) throws IOException {
        Origin origin = origin(p);
        checkDepth(origin, depth);
        countNode(origin);
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        Map<String, Origin> keyOrigins = new HashMap<>();
        Map<String, List<ConfigNode>> repeated = format == Format.XML ? new HashMap<>() : Map.of();
        /* Keys of this object built or extended by YAML dotted keys: they merge with each other and with a nested
           mapping of the same name, where two nested mappings of the same name are a duplicate. */
        Set<String> dottedRoots = null;
        boolean literalDots = false;
        Token t;
        while ((t = p.next()) != Token.END_OBJECT) {
            if (t != Token.KEY) {
                throw Failures.parse(origin(p), Failures.path(path), "expected a key, found " + describe(t));
            }
            String key = shared(p.name());
            Origin keyOrigin = origin(p);
            List<String> segments = format == Format.YAML && key.indexOf('.') >= 0 && p.plain()
                    ? dottedSegments(key, keyOrigin, depth) : null;
            if (segments == null) {
                path.add(key);
                checkKey(p, key, keyOrigin);
                literalDots |= key.indexOf('.') >= 0;
            } else {
                path.addAll(segments);
                for (String segment : segments) {
                    checkKey(p, segment, keyOrigin);
                }
            }
            Token valueToken = p.next();
            ConfigNode value = readValue(p, valueToken, depth + (segments == null ? 0 : segments.size() - 1));
            int keyDepth = segments == null ? 1 : segments.size();
            path.subList(path.size() - keyDepth, path.size()).clear();
            if (segments != null) {
                for (int i = segments.size() - 1; i >= 1; i--) {
                    countNode(keyOrigin);
                    value = new ConfigObject(Map.of(segments.get(i), value), keyOrigin);
                }
                key = segments.get(0);
                if (dottedRoots == null) {
                    dottedRoots = new HashSet<>();
                }
                ConfigNode existing = entries.get(key);
                entries.put(key, existing == null ? value : combine(existing, value, List.of(key)));
                dottedRoots.add(key);
                keyOrigins.putIfAbsent(key, keyOrigin);
                continue;
            }
            Origin first = keyOrigins.putIfAbsent(key, keyOrigin);
            if (first != null) {
                if (dottedRoots != null && dottedRoots.contains(key)) {
                    entries.put(key, combine(entries.get(key), value, List.of(key)));
                } else if (format != Format.XML) {
                    path.add(key);
                    throw Failures.parse(keyOrigin, Failures.path(path), "duplicate key '" + key + "' (first defined at "
                            + position(first) + "); keep one of them");
                } else {
                    // XML: a repeated element is a list of its occurrences, in document order. The lists are built
                    // once the object ends: rebuilding one per occurrence cost the square of the count.
                    repeated.computeIfAbsent(key, k -> new ArrayList<>(List.of(entries.get(k)))).add(value);
                }
            } else {
                entries.put(key, value);
            }
        }
        for (Map.Entry<String, List<ConfigNode>> e : repeated.entrySet()) { // a loop, not a lambda: cold start
            entries.put(e.getKey(), new ConfigList(e.getValue(), e.getValue().get(0).origin()));
        }
        ConfigObject object = new ConfigObject(entries, origin);
        if (literalDots) {
            DottedKeys.checkWithin(object, ConfigPath.of(path));
        }
        return object;
    }

    /** The path an unquoted dotted YAML key stands for; see docs/sources-and-formats.md, "Keys with dots". */
    private List<String> dottedSegments(String key, Origin keyOrigin, int depth) {
        List<String> segments = List.of(key.split("\\.", -1));
        if (segments.contains("")) {
            throw Failures.parse(keyOrigin, Failures.path(path), "the unquoted key '" + key + "' has an empty segment"
                    + " (an unquoted dotted key is a path); quote it to use it as one key");
        }
        checkDepth(keyOrigin, depth + segments.size() - 1);
        return segments;
    }

    /**
     * Combines two values written for the same key in one YAML mapping where at least one came through a dotted
     * key: objects merge key by key, and two values for the same leaf are a duplicate naming both positions.
     */
    private ConfigNode combine(ConfigNode existing, ConfigNode added, List<String> at) {
        if (existing instanceof ConfigObject a && added instanceof ConfigObject b) {
            Map<String, ConfigNode> out = new LinkedHashMap<>(a.entries());
            for (Map.Entry<String, ConfigNode> e : b.entries().entrySet()) {
                ConfigNode before = out.get(e.getKey());
                List<String> childPath = new ArrayList<>(at);
                childPath.add(e.getKey());
                out.put(e.getKey(), before == null ? e.getValue() : combine(before, e.getValue(), childPath));
            }
            return new ConfigObject(out, a.origin());
        }
        List<String> full = new ArrayList<>(path);
        full.addAll(at);
        throw Failures.parse(added.origin(), Failures.path(full), "duplicate key '" + String.join(".", at)
                + "' (first defined at " + position(existing.origin()) + "); keep one of them");
    }

    private ConfigList readList(TokenStream p, int depth) throws IOException {
        Origin origin = origin(p);
        checkDepth(origin, depth);
        countNode(origin);
        List<ConfigNode> items = new ArrayList<>();
        Token t;
        while ((t = p.next()) != Token.END_ARRAY) {
            path.add(Integer.toString(items.size()));
            items.add(readValue(p, t, depth));
            path.remove(path.size() - 1);
        }
        return new ConfigList(items, origin);
    }

    private ConfigNode readValue(TokenStream p, Token t, int depth) throws IOException {
        if (t == null) {
            throw Failures.parse(origin(p), Failures.path(path), "unexpected end of the document");
        }
        switch (t) {
            case START_OBJECT:
                return readObject(p, depth + 1);
            case START_ARRAY:
                return readList(p, depth + 1);
            case NULL: {
                Origin origin = origin(p);
                countNode(origin);
                return new ConfigNull(origin);
            }
            case STRING:
            case INTEGER:
            case DECIMAL:
            case TRUE:
            case FALSE:
                return readScalar(p, t);
            default:
                throw Failures.parse(origin(p), Failures.path(path), "unsupported value (" + describe(t) + ")");
        }
    }

    private ConfigScalar readScalar(TokenStream p, Token t) throws IOException {
        Origin origin = origin(p);
        countNode(origin);
        ConfigScalar scalar;
        if (format == Format.TOML) {
            scalar = tomlScalar(((JacksonTokens) p).parser, t, origin);
        } else {
            String text = p.text();
            if (text.length() <= SHARED_TEXT_LENGTH) {
                text = shared(text);
            }
            scalar = new ConfigScalar(text, type(p, t, text), origin);
        }
        if (scalar.type() == ScalarType.STRING && hasLoneSurrogate(scalar.text())) {
            throw loneSurrogate(origin, Failures.path(path));
        }
        int length = scalar.text().length();
        if (scalar.type() == ScalarType.NUMBER && length > limits.maxNumberLength()) {
            throw Failures.limit(origin, Failures.path(path), "number length (" + length + " characters)",
                    "maxNumberLength", limits.maxNumberLength());
        }
        if (length > limits.maxStringLength()) {
            throw Failures.limit(origin, Failures.path(path), "string length (" + length + " characters)",
                    "maxStringLength", limits.maxStringLength());
        }
        return scalar;
    }

    private ScalarType type(TokenStream p, Token t, String text) {
        switch (format) {
            case YAML:
                // YAML 1.2 core schema on the written text: Jackson 2 would apply YAML 1.1 (NO, on, 0755).
                if (!p.plain()) {
                    return ScalarType.STRING;
                }
                if ("true".equals(text) || "false".equals(text)) {
                    return ScalarType.BOOLEAN;
                }
                // The RFC 8259 number grammar (ScalarSyntax's decimal grammar without a leading '+'): what
                // ScalarType.NUMBER text always follows. Checked by hand: a regex match per scalar allocated a
                // Matcher and its group arrays, a sixth of the bytes a large load allocated.
                return looksNumeric(text) && ScalarSyntax.isDecimalText(text) ? ScalarType.NUMBER : ScalarType.STRING;
            case XML:
                return ScalarType.STRING;
            default:
                return switch (t) {
                    case INTEGER, DECIMAL -> ScalarType.NUMBER;
                    case TRUE, FALSE -> ScalarType.BOOLEAN;
                    default -> ScalarType.STRING;
                };
        }
    }

    /**
     * Whether text can start a JSON number: most plain YAML scalars (hosts, names, paths) cannot, and this check
     * spares them a regex match on every parse.
     */
    private static boolean looksNumeric(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '-' || c >= '0' && c <= '9';
    }

    /**
     * TOML scalars from their written text where the line index has it (see {@link TomlScalars} for why), else from
     * Jackson's token.
     */
    private ConfigScalar tomlScalar(JsonParser p, Token t, Origin origin) throws IOException {
        String written = tomlIndex == null ? null : tomlIndex.bareValue(path);
        switch (t) {
            case TRUE:
            case FALSE:
                return new ConfigScalar(t == Token.TRUE ? "true" : "false", ScalarType.BOOLEAN, origin);
            case INTEGER: {
                BigInteger value = TomlScalars.checkedInteger(written, p.getBigIntegerValue());
                if (value.bitLength() > MAX_64_BIT_INTEGER_BITS) {
                    throw Failures.parse(origin, Failures.path(path),
                            "integer outside the 64-bit range TOML allows; quote it if it is an identifier");
                }
                return new ConfigScalar(value.toString(), ScalarType.NUMBER, origin);
            }
            case DECIMAL: {
                // Jackson hands out inf and nan as doubles and every finite TOML float as a BigDecimal.
                if (p.getNumberType() != JsonParser.NumberType.BIG_DECIMAL) {
                    double d = p.getDoubleValue();
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        return ConfigScalar.string(Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf", origin);
                    }
                }
                String text = TomlScalars.checkedFloatText(written, p.getDecimalValue(), p.getText());
                return new ConfigScalar(text, ScalarType.NUMBER, origin);
            }
            default: {
                String text = p.getText();
                if (written != null && TomlScalars.isSameDateTime(written, text)) {
                    try {
                        return ConfigScalar.string(TomlScalars.dateTimeText(written), origin);
                    } catch (DateTimeException e) {
                        throw Failures.parse(origin, Failures.path(path),
                                "invalid date or time (check the day of month, hour, minute, second and offset)");
                    }
                }
                return ConfigScalar.string(text, origin);
            }
        }
    }

    /**
     * An escape such as {@code \\ud800} without its pair decodes to half a character, which no UTF-8 output can
     * hold (it came out as {@code ?}): refused in every format, as TOML requires.
     */
    private RuntimeException loneSurrogate(Origin origin, dev.lamina.config.ConfigPath at) {
        return Failures.parse(origin, at, "invalid Unicode escape: a lone UTF-16 surrogate (\\uD800-\\uDFFF without "
                + "its pair) is not a character; escape the whole character (e.g. \\uD83D\\uDE00) or write it as is");
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private void checkKey(TokenStream p, String key, Origin keyOrigin) {
        if (key.length() > limits.maxStringLength()) {
            throw Failures.limit(keyOrigin, null, "key length (" + key.length() + " characters)", "maxStringLength",
                    limits.maxStringLength());
        }
        if (hasLoneSurrogate(key)) {
            throw loneSurrogate(keyOrigin, Failures.path(path.subList(0, path.size() - 1)));
        }
        if (format == Format.YAML && "<<".equals(key) && p.plain()) {
            throw Failures.parse(keyOrigin, Failures.path(path.subList(0, path.size() - 1)),
                    "YAML merge keys (<<) are not supported; write the merged keys out");
        }
    }

    private void checkDepth(Origin origin, int depth) {
        if (depth > limits.maxDepth()) {
            throw Failures.limit(origin, Failures.path(path), "nesting depth (" + depth + ")", "maxDepth",
                    limits.maxDepth());
        }
    }

    private void countNode(Origin origin) {
        if (++nodes > limits.maxNodes()) {
            throw Failures.limit(origin, Failures.path(path), "number of nodes (more than " + limits.maxNodes() + ")",
                    "maxNodes", limits.maxNodes());
        }
    }

    /** The current token's origin; for TOML, from the line index, since Jackson's TOML tokens have no location. */
    Origin origin(TokenStream p) {
        if (format == Format.TOML) {
            int[] at = tomlIndex == null ? null : tomlIndex.find(path);
            return at == null ? Origin.of(source) : Failures.at(source, at[0], at[1]);
        }
        return Failures.at(source, p.line(), p.column());
    }

    private static String position(Origin o) {
        if (!o.hasLine()) {
            return "an earlier line";
        }
        return o.column() > 0 ? o.line() + ":" + o.column() : Integer.toString(o.line());
    }

    static String describe(Token t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case NULL -> "null";
            case TRUE, FALSE -> "a boolean";
            case INTEGER, DECIMAL -> "a number";
            case STRING -> "a string";
            default -> "an unexpected token";
        };
    }
}
