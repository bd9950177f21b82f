package dev.lamina.config.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigLimitException;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Format;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;

/**
 * Differential test of config-core's YAML reading: {@link DocumentParser} against {@link YamlOracle} (SnakeYAML's
 * events plus Lamina's documented rules) on the example files, hand-written tricky cases
 * ({@link YamlTrickyCases}), {@value #GENERATED} generated documents and {@value #MUTATED} mutated ones
 * ({@link YamlCorpus}). Structure, key order, scalar text and type, nulls and the line and column of every node
 * must agree; a refused document must be refused by both, at the same line and column.
 *
 * <p>A failure names the case (its seed and index, enough to rebuild it with {@code YamlCorpus}), prints the
 * document escaped, and the first difference (path, expected and actual).
 *
 * <p>Tolerated divergences (see {@link YamlOracle}): when a document holds a non-printable character and an error
 * before it, either position is accepted (which one is reported depends on the reader's look-ahead).
 *
 * <p>Behaviour a new reader may change on purpose, each behind one constant of {@link YamlOracle}:
 * <ul>
 *   <li>explicit keys ({@code ? key}) may become a rejection: {@link YamlOracle#EXPLICIT_KEYS_ACCEPTED};</li>
 *   <li>a {@code !!str} tag on a collection ({@code !!str [a]}) may become a rejection:
 *       {@link YamlOracle#STRING_TAG_ON_COLLECTION_ACCEPTED};</li>
 *   <li>columns may count UTF-16 chars after astral characters: {@link YamlOracle#COLUMNS_IN_CODE_POINTS}.</li>
 * </ul>
 */
class YamlDifferentialTest {

    static final int GENERATED = 2_000;
    static final int MUTATED = 5_000;
    static final long SEED = 20_261_207L;
    private static final String SOURCE = "diff.yaml";
    /** Failures listed in one report, beyond the first: enough to see a pattern, few enough to read. */
    private static final int REPORTED = 5;

    @Test
    void exampleFilesAgree() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Path examples = root.resolveSibling("examples");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(examples)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.toString().contains("target")).sorted().toList();
        }
        assertThat(files).as("example YAML files under " + examples).hasSizeGreaterThanOrEqualTo(6);
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            check(examples.relativize(file).toString(), text, failures);
        }
        assertNoFailures(failures, files.size());
    }

    @Test
    void trickyCasesAgree() {
        List<String> failures = new ArrayList<>();
        List<String> cases = YamlTrickyCases.all();
        for (int i = 0; i < cases.size(); i++) {
            check("tricky #" + i, cases.get(i), failures);
        }
        assertNoFailures(failures, cases.size());
    }

    static void assertNoFailures(List<String> failures, int total) {
        if (!failures.isEmpty()) {
            StringBuilder out = new StringBuilder(failures.size() + " of " + total + " documents differ:\n");
            failures.stream().limit(REPORTED).forEach(f -> out.append(f).append('\n'));
            throw new AssertionError(out.toString());
        }
    }

    /** Compares the two readers on one document; adds a description of the first difference to {@code failures}. */
    static void check(String name, String document, List<String> failures) {
        String difference = difference(document);
        if (difference != null) {
            failures.add("--- " + name + ": " + difference + "\n    document: \"" + escape(document) + "\"");
        }
    }

    /** @return the first difference between the oracle and today's parser, or {@code null} when they agree */
    static String difference(String document) {
        YamlOracle.Outcome expected = YamlOracle.expect(document);
        ConfigObject actual;
        try {
            actual = DocumentParser.parse(SOURCE, Format.YAML, document, ParseLimits.DEFAULTS);
        } catch (ConfigException e) {
            Origin at = e.origin().orElse(Origin.of(SOURCE));
            String got = (e instanceof ConfigLimitException ? "limit " : "rejected ") + at.line() + ":" + at.column()
                    + " (" + e.reason() + ")";
            if (expected instanceof YamlOracle.Rejected r) {
                boolean kind = r.limit() == e instanceof ConfigLimitException;
                return kind && r.matches(at.line(), at.column()) ? null
                        : "expected " + describe(r) + ", got " + got;
            }
            return "expected accepted " + ((YamlOracle.Accepted) expected).root() + ", got " + got;
        } catch (RuntimeException e) {
            return "parser crashed: " + e;
        }
        if (expected instanceof YamlOracle.Rejected r) {
            return "expected " + describe(r) + ", got accepted " + actual;
        }
        return compare("<root>", ((YamlOracle.Accepted) expected).root(), actual);
    }

    private static String describe(YamlOracle.Rejected r) {
        return (r.limit() ? "limit " : "rejected ") + r.line() + ":" + r.column() + " (" + r.why() + ")"
                + (r.alternative() == null ? "" : " or " + describe(r.alternative()));
    }

    /** The first difference between an expected node and an actual one, walking in document order. */
    static String compare(String path, YamlOracle.Node expected, ConfigNode actual) {
        String kind = null;
        if (expected instanceof YamlOracle.Node.Obj && !(actual instanceof ConfigObject)) {
            kind = "an object";
        } else if (expected instanceof YamlOracle.Node.Seq && !(actual instanceof ConfigList)) {
            kind = "a list";
        } else if (expected instanceof YamlOracle.Node.Scalar && !(actual instanceof ConfigScalar)) {
            kind = "a scalar";
        } else if (expected instanceof YamlOracle.Node.Null && !(actual instanceof ConfigNull)) {
            kind = "null";
        }
        if (kind != null) {
            return at(path) + "expected " + kind + " " + expected + ", got " + actual;
        }
        Origin o = actual.origin();
        int line = o.hasLine() ? o.line() : -1;
        int column = o.hasLine() ? o.column() : -1;
        if (line != expected.line() || column != expected.column()) {
            return at(path) + "expected position " + expected.line() + ":" + expected.column() + ", got " + line
                    + ":" + column + " (" + expected + ")";
        }
        if (expected instanceof YamlOracle.Node.Scalar s) {
            ConfigScalar a = (ConfigScalar) actual;
            if (!s.text().equals(a.text()) || s.type() != a.type()) {
                return at(path) + "expected " + s.type() + " \"" + escape(s.text()) + "\", got " + a.type() + " \""
                        + escape(a.text()) + "\"";
            }
        } else if (expected instanceof YamlOracle.Node.Seq s) {
            List<ConfigNode> items = ((ConfigList) actual).items();
            if (items.size() != s.items().size()) {
                return at(path) + "expected " + s.items().size() + " items, got " + items.size();
            }
            for (int i = 0; i < items.size(); i++) {
                String d = compare(path + "[" + i + "]", s.items().get(i), items.get(i));
                if (d != null) {
                    return d;
                }
            }
        } else if (expected instanceof YamlOracle.Node.Obj e) {
            Map<String, ConfigNode> entries = ((ConfigObject) actual).entries();
            if (!List.copyOf(entries.keySet()).equals(List.copyOf(e.entries().keySet()))) {
                return at(path) + "expected keys " + e.entries().keySet() + " (in this order), got "
                        + entries.keySet();
            }
            Iterator<Map.Entry<String, YamlOracle.Node>> it = e.entries().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, YamlOracle.Node> entry = it.next();
                String d = compare(path + "." + entry.getKey(), entry.getValue(), entries.get(entry.getKey()));
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private static String at(String path) {
        return "at " + escape(path) + ": ";
    }

    /** The text as a Java string literal's content: every control, non-ASCII or astral character escaped. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
