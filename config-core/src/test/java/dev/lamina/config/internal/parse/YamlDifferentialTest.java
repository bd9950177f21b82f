package dev.lamina.config.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * Differential test of config-core's YAML reading: {@link DocumentParser} (Lamina's own {@link YamlReader}) against
 * {@link YamlOracle} (SnakeYAML's events, the reader Lamina used before, plus Lamina's documented rules) on
 * hand-written tricky cases ({@link YamlTrickyCases}), {@value #GENERATED} generated documents and {@value #MUTATED}
 * mutated ones ({@link YamlCorpus}), every YAML file of the repository and the string literals of config-core's
 * tests ({@link JavaLiterals}). Structure, key order, scalar text and type, nulls and the line and column of every
 * node must agree. A refused document must be refused by both: at the same line and column for the files, the
 * tricky cases and the generated documents; anywhere for mutated documents and the string literals, which often
 * hold two errors or more (or are no YAML at all), where either reader may name either first.
 *
 * <p>A failure names the case (its seed and index, enough to rebuild it with {@code YamlCorpus}), prints the
 * document escaped, and the first difference (path, expected and actual).
 *
 * <p>Tolerated positions (see {@link YamlOracle}, "Tolerated columns"): a non-printable character together with an
 * earlier error, either one; the nesting limit, a key that is not a scalar, the end of the file inside a flow
 * collection or a quoted scalar: SnakeYAML's position or the start of the offending bracket, key or quote; a key
 * longer than 1,024 characters: its start; a root that is not a mapping: any position (SnakeYAML complains of the
 * root first, YamlReader may name an error inside that first scalar first).
 *
 * <p>Where YamlReader differs from SnakeYAML on purpose, the oracle follows YamlReader, each behind one constant of
 * {@link YamlOracle} ({@link YamlOracle.Rules#SNAKEYAML} holds the other branch of each):
 * <ul>
 *   <li>explicit keys ({@code ? key}) are refused: {@link YamlOracle#EXPLICIT_KEYS_ACCEPTED};</li>
 *   <li>a {@code !!str} tag on a collection ({@code !!str [a]}) is refused:
 *       {@link YamlOracle#STRING_TAG_ON_COLLECTION_ACCEPTED};</li>
 *   <li>columns count UTF-16 chars after astral characters: {@link YamlOracle#COLUMNS_IN_CODE_POINTS};</li>
 *   <li>{@code "\/"} is accepted (YAML 1.2): {@link YamlOracle#SLASH_ESCAPE_REFUSED};</li>
 *   <li>tabs that separate (after {@code key:} or {@code -}, before a comment, on a blank line, inside a flow
 *       collection) are accepted (YAML 1.2): {@link YamlOracle#TAB_SEPARATORS_REFUSED}; a file holding only
 *       {@code ...} and comments is the empty document (YAML 1.2's stream grammar).</li>
 * </ul>
 * {@link #flippedRulesExpectTheDocumentedChanges} checks the oracle's side of each. Documents holding U+0085,
 * U+2028 or U+2029 are left out: SnakeYAML breaks lines there (YAML 1.1), YAML 1.2 and YamlReader do not, and no
 * oracle is at hand (a few mutations).
 *
 * <p>Run alone: {@code ./mvnw -o -q -pl config-core test -Dtest=YamlDifferentialTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. To rerun one failing document, call {@link #difference(String)} on
 * the document the failure names (e.g. {@code YamlCorpus.mutate(20261207L, 1828)}).
 */
class YamlDifferentialTest {

    static final int GENERATED = 2_000;
    static final int MUTATED = 5_000;
    static final long SEED = 20_261_207L;
    private static final String SOURCE = "diff.yaml";
    /** Failures printed in full per test (all are counted): enough to see a pattern, few enough to read. */
    private static final int REPORTED = 5;

    /** Every YAML file of the repository: the examples, the built-in profiles, test resources of every module. */
    @Test
    void yamlFilesOfTheRepositoryAgree() throws IOException {
        Path repository = Path.of("").toAbsolutePath().getParent();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(repository)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !repository.relativize(p).toString().matches("(.*/)?(target|\\..*)/.*"))
                    .sorted().toList();
        }
        assertThat(files).as("YAML files under " + repository)
                .anyMatch(p -> p.endsWith(Path.of("examples", "config", "base.yaml")))
                .hasSizeGreaterThanOrEqualTo(8);
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            check(repository.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8), failures);
        }
        assertNoFailures(failures, files.size());
    }

    /**
     * Every string literal of config-core's tests that could be a document (it holds a ':'), concatenations
     * joined: the YAML texts the existing tests use, and other formats' texts, which are just more inputs here.
     */
    @Test
    void stringLiteralsOfConfigCoreTestsAgree() throws IOException {
        Path tests = Path.of("src", "test", "java");
        List<String> texts = JavaLiterals.documents(tests);
        assertThat(texts).as("string literals under " + tests.toAbsolutePath()).hasSizeGreaterThan(500);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            // Most of these are no YAML documents at all (JSON, properties, messages): that both readers refuse
            // them matters, where each first stumbles does not.
            check("literal #" + i + " of JavaLiterals.documents(" + tests + ")", texts.get(i), failures, false);
        }
        assertNoFailures(failures, texts.size());
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

    @Test
    void generatedDocumentsAgree() {
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < GENERATED; i++) {
            String doc = YamlCorpus.generate(SEED, i);
            check("YamlCorpus.generate(" + SEED + "L, " + i + ")", doc, failures);
            accepted += YamlOracle.expect(doc) instanceof YamlOracle.Accepted ? 1 : 0;
        }
        assertNoFailures(failures, GENERATED);
        // The corpus must mostly hold valid documents, or the trees (the point of the comparison) go untested.
        assertThat(accepted).as("accepted generated documents").isGreaterThan(GENERATED * 7 / 10);
    }

    @Test
    void mutatedDocumentsAgree() {
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < MUTATED; i++) {
            String doc = YamlCorpus.mutate(SEED, i);
            check("YamlCorpus.mutate(" + SEED + "L, " + i + ")", doc, failures, false);
            accepted += YamlOracle.expect(doc) instanceof YamlOracle.Accepted ? 1 : 0;
        }
        assertNoFailures(failures, MUTATED);
        // Mutations must give both outcomes in numbers: rejections (their lines) and oddly valid documents.
        assertThat(accepted).as("accepted mutated documents").isBetween(MUTATED / 10, MUTATED * 9 / 10);
    }

    /**
     * The generator must keep producing every style the brief asks for in documents both readers accept, so that a
     * change to it cannot silently drop coverage.
     */
    @Test
    void corpusCoversEveryStyleInAcceptedDocuments() {
        Map<String, java.util.function.Predicate<String>> styles = new LinkedHashMap<>();
        styles.put("CRLF", d -> d.contains("\r\n"));
        styles.put("byte-order mark", d -> d.startsWith("\uFEFF"));
        styles.put("---", d -> d.contains("---\n") || d.contains("---\r\n"));
        styles.put("--- with content", d -> d.matches("(?s)\uFEFF?--- \\{.*"));
        styles.put("...", d -> d.contains("\n...\n") || d.contains("\n...\r\n"));
        styles.put("%YAML 1.2", d -> d.contains("%YAML 1.2"));
        styles.put("literal block", d -> d.matches("(?s).*: \\|[-+0-9]*( #[^\n]*)?\r?\n.*"));
        styles.put("folded block", d -> d.matches("(?s).*[:-] >[-+0-9]*( #[^\n]*)?\r?\n.*"));
        styles.put("indentation indicator", d -> d.matches("(?s).*: [|>][-+]?[1-9][-+]?( #[^\n]*)?\r?\n.*"));
        styles.put("keep chomping", d -> d.matches("(?s).*[|>][0-9]?\\+.*"));
        styles.put("sequence not indented under its key", d -> d.matches("(?s).*\n( *)[^ \n-][^\n]*:\r?\n\\1- .*"));
        styles.put("compact nested sequence", d -> d.contains("- - "));
        styles.put("compact mapping in a sequence", d -> d.matches("(?s).*\n *- [a-z_]+: .*"));
        styles.put("empty flow collections", d -> d.contains("[]") && d.contains("{}"));
        styles.put("multi-line flow", d -> d.matches("(?s).*[\\[{]\r?\n.*"));
        styles.put("trailing comma", d -> d.contains(",]") || d.contains(",}"));
        styles.put("single-pair mapping in a flow sequence", d -> d.matches("(?s).*\\[[a-z_]+: .*"));
        styles.put("'' escape", d -> d.contains("''"));
        styles.put("double-quoted escapes", d -> d.contains("\\U0001F600") && d.contains("\\x41"));
        styles.put("line continuation", d -> d.matches("(?s).*\\\\\r?\n.*"));
        styles.put("folded plain scalar", d -> d.contains("continued 0"));
        styles.put("astral characters", d -> d.codePoints().anyMatch(c -> c > 0xFFFF));
        styles.put("tab inside a value", d -> d.contains("tab\tinside"));
        styles.put("dotted keys", d -> d.matches("(?s).*\n *[a-z_]+\\.[a-z_]+[0-9]*(\\.leaf)?: .*"));
        styles.put("quoted dotted key", d -> d.contains(".example.com'"));
        styles.put("numeric and boolean keys", d -> d.contains("\n8080:") || d.contains("\ntrue:")
                || d.contains(" 8080:") || d.contains(" true:"));
        styles.put("empty value", d -> d.matches("(?s).*:\r?\n.*"));
        styles.put("comment", d -> d.contains(" # "));
        styles.put("long line", d -> d.contains("x".repeat(1000)));
        styles.put("50 levels", d -> d.lines().anyMatch(l -> l.length() - l.stripLeading().length() >= 50));
        Map<String, Integer> counts = new LinkedHashMap<>();
        styles.keySet().forEach(k -> counts.put(k, 0));
        for (int i = 0; i < GENERATED; i++) {
            String doc = YamlCorpus.generate(SEED, i);
            if (YamlOracle.expect(doc) instanceof YamlOracle.Accepted) {
                styles.forEach((name, p) -> counts.merge(name, p.test(doc) ? 1 : 0, Integer::sum));
            }
        }
        assertThat(counts).as("accepted generated documents per style").allSatisfy(
                (name, n) -> assertThat(n).as(name).isGreaterThanOrEqualTo(10));
    }

    @Test
    void corpusIsDeterministic() {
        for (int i = 0; i < 50; i++) {
            assertThat(YamlCorpus.generate(SEED, i)).isEqualTo(YamlCorpus.generate(SEED, i));
            assertThat(YamlCorpus.mutate(SEED, i)).isEqualTo(YamlCorpus.mutate(SEED, i));
        }
        assertThat(YamlCorpus.generate(SEED, 1)).isNotEqualTo(YamlCorpus.generate(SEED, 2));
    }

    /** The comparison itself must see each kind of difference, or an agreeing run would prove nothing. */
    @Test
    void comparisonSeesEveryKindOfDifference() {
        String doc = "a:\n  b: 1\n  c: [x, ~]\n";
        ConfigObject actual = DocumentParser.parse(SOURCE, Format.YAML, doc, ParseLimits.DEFAULTS);
        YamlOracle.Node.Obj expected = ((YamlOracle.Accepted) YamlOracle.expect(doc)).root();
        assertThat(compare("<root>", expected, actual)).isNull();
        YamlOracle.Node.Obj a = (YamlOracle.Node.Obj) expected.entries().get("a");
        YamlOracle.Node.Seq c = (YamlOracle.Node.Seq) a.entries().get("c");
        YamlOracle.Node.Scalar b = (YamlOracle.Node.Scalar) a.entries().get("b");
        List<YamlOracle.Node.Obj> wrong = List.of(
                withA(expected, new YamlOracle.Node.Obj(Map.of("b", b), a.line(), a.column())),
                withA(expected, new YamlOracle.Node.Obj(reorder(a), a.line(), a.column())),
                withA(expected, new YamlOracle.Node.Obj(a.entries(), a.line(), a.column() + 1)),
                withA(expected, withB(a, new YamlOracle.Node.Scalar("1", dev.lamina.config.ScalarType.STRING,
                        b.line(), b.column()))),
                withA(expected, withB(a, new YamlOracle.Node.Scalar("2", b.type(), b.line(), b.column()))),
                withA(expected, withB(a, new YamlOracle.Node.Scalar("1", b.type(), b.line() + 1, b.column()))),
                withA(expected, withB(a, new YamlOracle.Node.Null(b.line(), b.column()))),
                withA(expected, withB(a, new YamlOracle.Node.Seq(List.of(), b.line(), b.column()))),
                withA(expected, withC(a, new YamlOracle.Node.Seq(c.items().subList(0, 1), c.line(), c.column()))));
        for (YamlOracle.Node.Obj w : wrong) {
            assertThat(compare("<root>", w, actual)).as(w.toString()).isNotNull();
        }
        assertThat(difference(doc)).isNull();
        String duplicate = "a: 1\na: 2\n";
        assertThat(difference(duplicate, YamlOracle.expect(duplicate))).isNull();
        assertThat(difference(duplicate, new YamlOracle.Rejected(2, 2, false, "wrong column"))).isNotNull();
        assertThat(difference(duplicate, new YamlOracle.Rejected(1, 1, false, "wrong line"))).isNotNull();
        assertThat(difference(duplicate, new YamlOracle.Rejected(2, 1, true, "wrong kind"))).isNotNull();
        assertThat(difference(duplicate, new YamlOracle.Rejected(9, 9, false, "wrong", new YamlOracle.Rejected(
                2, 1, false, "an acceptable alternative")))).isNull();
        assertThat(difference(duplicate, YamlOracle.expect(doc))).isNotNull();
        assertThat(difference(doc, YamlOracle.expect(duplicate))).isNotNull();
    }

    /** The oracle's branches for behaviour a new reader may change on purpose, each on a few documents. */
    @Test
    void flippedRulesExpectTheDocumentedChanges() {
        YamlOracle.Rules noExplicitKeys = new YamlOracle.Rules(false, true, true, true, true);
        assertRejectedAt(YamlOracle.expect("a: 1\n? b\n: 2\n", noExplicitKeys), 2, 1);
        assertRejectedAt(YamlOracle.expect("a: {? b: 1}\n", noExplicitKeys), 1, 5);
        assertRejectedAt(YamlOracle.expect("a: &x 1\n? b\n: 2\n", noExplicitKeys), 1, 4); // earlier error first
        assertThat(YamlOracle.expect("a: 1\nb: {c: 2}\n", noExplicitKeys)).isInstanceOf(YamlOracle.Accepted.class);

        YamlOracle.Rules noStringTagOnCollections = new YamlOracle.Rules(true, false, true, true, true);
        assertRejectedAt(YamlOracle.expect("a: !!str [x]\n", noStringTagOnCollections), 1, 4);
        assertRejectedAt(YamlOracle.expect("a: 1\nb: !!str\n  c: 1\n", noStringTagOnCollections), 2, 4);
        assertThat(YamlOracle.expect("a: !!str x\n", noStringTagOnCollections))
                .isInstanceOf(YamlOracle.Accepted.class);

        YamlOracle.Rules utf16 = new YamlOracle.Rules(true, true, false, true, true);
        String astral = "a: [\uD83D\uDE00, c]\n";
        YamlOracle.Node.Seq today = (YamlOracle.Node.Seq) ((YamlOracle.Accepted) YamlOracle.expect(astral, YamlOracle.Rules.SNAKEYAML)).root()
                .entries().get("a");
        YamlOracle.Node.Seq flipped = (YamlOracle.Node.Seq) ((YamlOracle.Accepted) YamlOracle.expect(astral, utf16))
                .root().entries().get("a");
        assertThat(today.items().get(1).column()).isEqualTo(8);
        assertThat(flipped.items().get(1).column()).isEqualTo(9);
        assertThat(flipped.items().get(0).column()).isEqualTo(5);
        assertRejectedAt(YamlOracle.expect("a: \uD83D\uDE00 x: y\n", YamlOracle.Rules.SNAKEYAML), 1, 7);
        assertRejectedAt(YamlOracle.expect("a: \uD83D\uDE00 x: y\n", utf16), 1, 8);

        YamlOracle.Rules slash = new YamlOracle.Rules(true, true, true, false, true);
        assertRejectedAt(YamlOracle.expect("a: \"x\\/y\"\n", YamlOracle.Rules.SNAKEYAML), 1, 7);
        Map<String, YamlOracle.Node> read = ((YamlOracle.Accepted) YamlOracle.expect(
                "a: \"x\\/y\"\nb: 'x\\/'\nc: x\\/\n", slash)).root().entries();
        assertThat(read.values()).extracting(n -> ((YamlOracle.Node.Scalar) n).text())
                .containsExactly("x/y", "x\\/", "x\\/");

        YamlOracle.Rules tabs = new YamlOracle.Rules(true, true, true, true, false);
        String separated = "a:\tb\t# c\nl:\n-\tx\n";
        assertRejectedAt(YamlOracle.expect(separated, YamlOracle.Rules.SNAKEYAML), 1, 3);
        Map<String, YamlOracle.Node> tabbed = ((YamlOracle.Accepted) YamlOracle.expect(separated, tabs)).root()
                .entries();
        assertThat(((YamlOracle.Node.Scalar) tabbed.get("a")).text()).isEqualTo("b");
        assertThat(((YamlOracle.Node.Scalar) tabbed.get("a")).column()).isEqualTo(4);
        assertRejectedAt(YamlOracle.expect("a:\n\tb: 1\n", tabs), 2, 1); // indentation stays refused
    }

    private static void assertRejectedAt(YamlOracle.Outcome outcome, int line, int column) {
        assertThat(outcome).isInstanceOf(YamlOracle.Rejected.class);
        YamlOracle.Rejected r = (YamlOracle.Rejected) outcome;
        assertThat(r.line() + ":" + r.column()).as(r.why()).isEqualTo(line + ":" + column);
    }

    private static YamlOracle.Node.Obj withA(YamlOracle.Node.Obj root, YamlOracle.Node a) {
        return new YamlOracle.Node.Obj(Map.of("a", a), root.line(), root.column());
    }

    private static YamlOracle.Node.Obj withB(YamlOracle.Node.Obj a, YamlOracle.Node b) {
        Map<String, YamlOracle.Node> m = new LinkedHashMap<>(a.entries());
        m.put("b", b);
        return new YamlOracle.Node.Obj(m, a.line(), a.column());
    }

    private static YamlOracle.Node.Obj withC(YamlOracle.Node.Obj a, YamlOracle.Node c) {
        Map<String, YamlOracle.Node> m = new LinkedHashMap<>(a.entries());
        m.put("c", c);
        return new YamlOracle.Node.Obj(m, a.line(), a.column());
    }

    private static Map<String, YamlOracle.Node> reorder(YamlOracle.Node.Obj a) {
        Map<String, YamlOracle.Node> m = new LinkedHashMap<>();
        m.put("c", a.entries().get("c"));
        m.put("b", a.entries().get("b"));
        return m;
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
        check(name, document, failures, true);
    }

    /**
     * @param exactPositions whether a rejection must be at the oracle's position; mutated documents often hold two
     *                       errors or more, and the two readers may name either: there both must reject, no more
     */
    static void check(String name, String document, List<String> failures, boolean exactPositions) {
        if (hasYaml11LineBreak(document)) {
            return; // see hasYaml11LineBreak
        }
        String difference = difference(document, YamlOracle.expect(document), exactPositions);
        if (difference != null) {
            failures.add("--- " + name + ": " + difference + "\n    document: \"" + escape(document) + "\"");
        }
    }

    /**
     * SnakeYAML breaks lines at U+0085, U+2028 and U+2029 as YAML 1.1 did; in YAML 1.2 they are ordinary
     * characters, and YamlReader reads them so. No oracle for such a document: it is left out (a few mutations).
     */
    static boolean hasYaml11LineBreak(String document) {
        return document.indexOf('\u0085') >= 0 || document.indexOf('\u2028') >= 0 || document.indexOf('\u2029') >= 0;
    }

    /** @return the first difference between the oracle and today's parser, or {@code null} when they agree */
    static String difference(String document) {
        return difference(document, YamlOracle.expect(document));
    }

    /** @return the first difference between {@code expected} and today's parser, or {@code null} */
    static String difference(String document, YamlOracle.Outcome expected) {
        return difference(document, expected, true);
    }

    /**
     * @param exactPositions whether a rejection must be at the oracle's position (see {@link #check})
     * @return the first difference between {@code expected} and today's parser, or {@code null}
     */
    static String difference(String document, YamlOracle.Outcome expected, boolean exactPositions) {
        ConfigObject actual;
        try {
            actual = DocumentParser.parse(SOURCE, Format.YAML, document, ParseLimits.DEFAULTS);
        } catch (ConfigException e) {
            Origin at = e.origin().orElse(Origin.of(SOURCE));
            String got = (e instanceof ConfigLimitException ? "limit " : "rejected ") + at.line() + ":" + at.column()
                    + " (" + e.reason() + ")";
            if (expected instanceof YamlOracle.Rejected r) {
                boolean kind = r.limit() == e instanceof ConfigLimitException;
                // A root that is no mapping is SnakeYAML's first complaint about a document whose first line is a
                // scalar; YamlReader reads on and may name the error within that scalar (a ':' that is not
                // allowed, text after a quote) first: both refuse the document, either place helps.
                boolean anywhere = !exactPositions || "root is not a mapping".equals(r.why()) && !r.limit();
                return kind && (anywhere && at.hasLine() || r.matches(at.line(), at.column())) ? null
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
