package dev.lamina.config.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.ScalarType;
import dev.lamina.config.testing.SharedSuites;

/**
 * Runs the toml-test TOML 1.0.0 suite (shared/config-suites/toml-test) through {@link ConfigDocuments}: every
 * valid case must parse to the expected tagged JSON, every invalid case must be rejected. Where Jackson 2.22's TOML
 * parser deviates and we cannot fix it in our layer, the case is listed below with its reason; a listed case that
 * starts to behave correctly fails the test, so the list cannot go stale.
 */
class TomlTestSuiteTest {

    /** Valid documents that we cannot read as the suite expects. */
    private static final Map<String, String> VALID_DEVIATIONS = Map.ofEntries(
            // Jackson's TOML lexer only accepts an upper-case 'T' between date and time (ABNF is case-insensitive).
            Map.entry("valid/datetime/datetime", "lower-case 't'/'z' in a date-time is rejected by Jackson's lexer"),
            // Not Jackson: Lamina's rule for keys with dots (docs/sources-and-formats.md). These cases define both
            // [a.b.c] and [a."b.c"]; in a layered configuration the quoted key and the nested path would silently
            // stand for one value in two places, so a literal dotted key next to the same nested path is refused.
            Map.entry("valid/table/names", "[a.\"b.c\"] next to [a.b.c] is refused by the dotted-key rule"),
            Map.entry("valid/table/names-with-values", "[a.\"b.c\"] next to [a.b.c] is refused by the dotted-key rule"));

    /** Invalid documents that Jackson's TOML parser accepts and our checks do not catch. */
    private static final Map<String, String> INVALID_DEVIATIONS = Map.ofEntries(
            // Jackson 2.22 does not track how a table was created (header, dotted keys, array of tables), so
            // re-opening one through another route is accepted; the merged result is still a well-formed tree.
            Map.entry("invalid/array/extend-defined-aot", "dotted keys extending an array of tables are accepted"),
            Map.entry("invalid/table/append-with-dotted-keys-01", "dotted keys adding to a [header] table are accepted"),
            Map.entry("invalid/table/append-with-dotted-keys-02", "dotted keys adding to a [header] table are accepted"),
            Map.entry("invalid/table/append-with-dotted-keys-03", "dotted keys extending an array of tables are accepted"),
            Map.entry("invalid/table/append-with-dotted-keys-08", "dotted keys adding to a [header] table are accepted"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode suite(String file) throws IOException {
        Path dir = SharedSuites.require("config-suites/toml-test");
        return JSON.readTree(dir.resolve(file).toFile()).get("tests");
    }

    @TestFactory
    Stream<DynamicTest> validDocumentsParseToTheExpectedTree() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : suite("toml-1.0.0-valid.json")) {
            String name = c.get("name").asText();
            String toml = c.get("toml").asText();
            JsonNode expected = c.get("expected");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String problem = validProblem(name, toml, expected);
                String deviation = VALID_DEVIATIONS.get(name);
                if (deviation == null && problem != null) {
                    fail(problem);
                }
                if (deviation != null && problem == null) {
                    fail("listed as a known deviation (" + deviation + ") but now passes: remove it from the list");
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> invalidDocumentsAreRejected() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : suite("toml-1.0.0-invalid.json")) {
            String name = c.get("name").asText();
            byte[] bytes = c.has("toml_base64") ? Base64.getDecoder().decode(c.get("toml_base64").asText())
                    : c.get("toml").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                boolean rejected = rejects(bytes);
                String deviation = INVALID_DEVIATIONS.get(name);
                if (deviation == null && !rejected) {
                    fail("accepted an invalid document");
                }
                if (deviation != null && rejected) {
                    fail("listed as a known deviation (" + deviation + ") but is now rejected: remove it from the list");
                }
            }));
        }
        return tests.stream();
    }

    /** The line index must give a position to every node of every document Jackson accepts. */
    @TestFactory
    Stream<DynamicTest> everyNodeOfAValidDocumentHasALine() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : suite("toml-1.0.0-valid.json")) {
            String name = c.get("name").asText();
            if (VALID_DEVIATIONS.containsKey(name)) {
                continue;
            }
            String toml = c.get("toml").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                ConfigObject root = ConfigDocuments.parse("case.toml", Format.TOML, toml, ParseLimits.DEFAULTS);
                root.entries().forEach((k, v) -> assertAllHaveLines(k, v));
            }));
        }
        return tests.stream();
    }

    private static void assertAllHaveLines(String at, ConfigNode node) {
        assertThat(node.origin().hasLine()).as("%s has a line", at).isTrue();
        if (node instanceof ConfigObject o) {
            o.entries().forEach((k, v) -> assertAllHaveLines(at + "." + k, v));
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                assertAllHaveLines(at + "[" + i + "]", l.items().get(i));
            }
        }
    }

    @Test
    void deviationListsNameOnlyExistingCases() throws IOException {
        Set<String> valid = new java.util.HashSet<>();
        suite("toml-1.0.0-valid.json").forEach(c -> valid.add(c.get("name").asText()));
        Set<String> invalid = new java.util.HashSet<>();
        suite("toml-1.0.0-invalid.json").forEach(c -> invalid.add(c.get("name").asText()));
        assertThat(valid).containsAll(VALID_DEVIATIONS.keySet());
        assertThat(invalid).containsAll(INVALID_DEVIATIONS.keySet());
    }

    @Test
    void rejectionsAreConfigExceptionsNamingTheSource() {
        assertThatThrownBy(() -> ConfigDocuments.parse("t.toml", Format.TOML, "a = 1\na = 2\n", ParseLimits.DEFAULTS))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("t.toml:");
    }

    private static boolean rejects(byte[] bytes) {
        try {
            ConfigDocuments.parse("case.toml", Format.TOML, bytes, ParseLimits.DEFAULTS);
            return false;
        } catch (ConfigException e) {
            return true;
        }
    }

    /** @return {@code null} when the document parses to the expected tree, else what differs */
    private static String validProblem(String name, String toml, JsonNode expected) {
        ConfigObject root;
        try {
            root = ConfigDocuments.parse("case.toml", Format.TOML, toml, ParseLimits.DEFAULTS);
        } catch (ConfigException e) {
            return "rejected: " + e.getMessage();
        }
        return compare("", expected, root);
    }

    private static String compare(String at, JsonNode expected, ConfigNode actual) {
        if (expected.isObject() && expected.size() == 2 && expected.has("type") && expected.has("value")
                && expected.get("type").isTextual() && expected.get("value").isTextual()) {
            if (!(actual instanceof ConfigScalar s)) {
                return at + ": expected a scalar, found " + actual.kindName();
            }
            return compareScalar(at, expected.get("type").asText(), expected.get("value").asText(), s);
        }
        if (expected.isObject()) {
            if (!(actual instanceof ConfigObject o)) {
                return at + ": expected an object, found " + actual.kindName();
            }
            if (!o.entries().keySet().equals(toSet(expected.fieldNames()))) {
                return at + ": keys " + o.entries().keySet() + " != " + toSet(expected.fieldNames());
            }
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                String p = compare(at + "." + e.getKey(), expected.get(e.getKey()), e.getValue());
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (!(actual instanceof ConfigList l)) {
                return at + ": expected a list, found " + actual.kindName();
            }
            if (l.size() != expected.size()) {
                return at + ": " + l.size() + " items, expected " + expected.size();
            }
            for (int i = 0; i < l.size(); i++) {
                String p = compare(at + "[" + i + "]", expected.get(i), l.items().get(i));
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        return at + ": unexpected expectation " + expected;
    }

    private static Set<String> toSet(Iterator<String> it) {
        Set<String> s = new java.util.LinkedHashSet<>();
        it.forEachRemaining(s::add);
        return s;
    }

    private static String compareScalar(String at, String type, String value, ConfigScalar s) {
        String text = s.text();
        boolean ok;
        try {
            ok = switch (type) {
                case "string" -> s.type() == ScalarType.STRING && text.equals(value);
                case "bool" -> s.type() == ScalarType.BOOLEAN && text.equals(value);
                case "integer" -> s.type() == ScalarType.NUMBER && new BigInteger(text).equals(new BigInteger(value));
                case "float" -> floatMatches(value, s);
                case "datetime" -> s.type() == ScalarType.STRING
                        && OffsetDateTime.parse(rfc3339(text)).equals(OffsetDateTime.parse(rfc3339(value)));
                case "datetime-local" -> s.type() == ScalarType.STRING
                        && LocalDateTime.parse(rfc3339(text)).equals(LocalDateTime.parse(rfc3339(value)));
                case "date-local" -> s.type() == ScalarType.STRING && LocalDate.parse(text).equals(LocalDate.parse(value));
                case "time-local" -> s.type() == ScalarType.STRING && LocalTime.parse(text).equals(LocalTime.parse(value));
                default -> false;
            };
        } catch (RuntimeException e) {
            ok = false;
        }
        return ok ? null : at + ": expected " + type + " " + value + ", found " + s.type() + " " + text;
    }

    /** Non-finite floats are string scalars {@code inf}, {@code -inf}, {@code nan} (documented in sources-and-formats.md). */
    private static boolean floatMatches(String value, ConfigScalar s) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.endsWith("inf") || v.endsWith("nan")) {
            String expected = v.endsWith("nan") ? "nan" : v.startsWith("-") ? "-inf" : "inf";
            return s.type() == ScalarType.STRING && s.text().equals(expected);
        }
        return s.type() == ScalarType.NUMBER && new BigDecimal(s.text()).compareTo(new BigDecimal(value)) == 0;
    }

    private static String rfc3339(String text) {
        String t = text.replace(' ', 'T').replace('t', 'T').replace('z', 'Z');
        return t;
    }
}
