package dev.lamina.config.internal.parse;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerImpl;
import org.yaml.snakeyaml.tokens.KeyToken;
import org.yaml.snakeyaml.tokens.Token;

import dev.lamina.config.ParseLimits;
import dev.lamina.config.ScalarType;

/**
 * The tree Lamina promises for a YAML text, computed independently of config-core's YAML reader: SnakeYAML's event
 * parser (its own {@link StreamReader}, no Jackson, no {@code YamlSupport}/{@code TokenTreeBuilder}) gives the
 * syntax and the marks, and this class applies Lamina's documented rules (docs/sources-and-formats.md) on top.
 * {@link YamlDifferentialTest} compares it with {@code DocumentParser} on many documents.
 *
 * <h2>Conventions (learnt from the parser before YamlReader, which YamlReader keeps; 1-based lines and columns)</h2>
 * <ul>
 *   <li>Root: the mapping's position (its first key for a block mapping, the {@code {} for a flow one); an empty
 *       document (nothing, only comments, {@code ---} alone, or a plain {@code ~}/{@code null} root) is an empty
 *       object without a position. Any other root is refused at the root node's start.</li>
 *   <li>Block mapping: the position of its first key (or of the first key's anchor/tag); block sequence: its first
 *       {@code -}; a sequence not indented under its key ({@code key:\n- a}) likewise its first {@code -}; flow
 *       collections: the bracket ({@code [} or {@code {}); a compact mapping in a sequence ({@code - a: 1}): its
 *       first key; a single-pair mapping in a flow sequence ({@code [a: 1]}): its key.</li>
 *   <li>Scalar: its first character (the quote for quoted scalars); a block scalar ({@code |}, {@code >}): the
 *       line after the indicator, at the indentation of the first non-blank line after the indicator (that line
 *       may lie beyond the scalar when the scalar is empty; see {@link #blockContentStart}).</li>
 *   <li>Empty value ({@code key:} at the end of a line): just after the {@code :} (SnakeYAML's empty-scalar mark,
 *       the end of the value indicator); {@code - } with nothing: just after the {@code -}.</li>
 *   <li>Unquoted dotted key {@code a.b.c: v}: the intermediate objects {@code b}, {@code c} carry the key's
 *       position; within one mapping dotted and nested keys merge, and the merged object keeps the first one's
 *       position.</li>
 *   <li>Rejections: anchors, aliases and tags at the indicator; a second document at its first token (the
 *       {@code ---}); a duplicate key at the second key; a leaf written twice through dotted keys at the second
 *       value (the value, not the key); a literal dotted key clashing with a nested path at the literal key's
 *       value; a control character at its own position; a syntax error at SnakeYAML's problem mark (else context
 *       mark), except at the end of the stream, where it is the end of the last event read.</li>
 * </ul>
 *
 * <h2>Known divergences between SnakeYAML and Lamina's promise, encoded here</h2>
 * <ul>
 *   <li>SnakeYAML resolves YAML 1.1 types (yes/on/0755/0x1F/.inf/1_000); Lamina uses the 1.2 core schema on plain
 *       scalars only ({@link #type}).</li>
 *   <li>SnakeYAML accepts anchors, aliases, tags, {@code <<} merge keys, duplicate keys (its parser does not check
 *       them) and several documents; Lamina refuses all of them.</li>
 *   <li>SnakeYAML's reader refuses a non-printable character when it loads the 1,024-character chunk holding it
 *       (without a position); Lamina refuses it at its line and column, when its reader reaches it. When an
 *       earlier error exists, which of the two is reported depends on the reader's look-ahead:
 *       {@link Rejected#alternative} holds the other acceptable answer.</li>
 * </ul>
 *
 * <h2>SnakeYAML quirks the parser before YamlReader had, and what YamlReader does</h2>
 * <ul>
 *   <li>{@code \/} in a double-quoted scalar was refused (YAML 1.2 allows it): YamlReader accepts it,
 *       {@link #SLASH_ESCAPE_REFUSED}.</li>
 *   <li>A tab after {@code :} ({@code key:\tvalue}), before a comment or on a blank line was refused as "tab
 *       characters cannot indent YAML". YAML 1.2 allows tabs as separators there: YamlReader accepts them,
 *       {@link #TAB_SEPARATORS_REFUSED}.</li>
 *   <li>U+0085, U+2028 and U+2029 are line breaks to SnakeYAML (YAML 1.1); in YAML 1.2 and YamlReader they are
 *       content (the differential test leaves such documents out).</li>
 *   <li>An implicit key longer than 1,024 characters is no key to SnakeYAML: at the root the document reads as one
 *       plain scalar ("the root must be an object"), deeper it is a syntax error at the {@code :}. YamlReader says
 *       the key is too long, at its start.</li>
 * </ul>
 *
 * <h2>Tolerated columns (where today's column comes from Jackson's or SnakeYAML's internals)</h2>
 * Each is an {@link Rejected#alternative}: the line and column today's parser reports are always expected first;
 * the alternative is what a reader without those internals would naturally report.
 * <ul>
 *   <li>a non-printable character together with an earlier error: either one (see above);</li>
 *   <li>the nesting limit on a collection: today the end of its start event (after {@code [}/{@code {}), also
 *       accepted: its start;</li>
 *   <li>a key that is not a scalar ({@code [a]: 1}, {@code ? - a}): today the end of its start event, also
 *       accepted: its start;</li>
 *   <li>the end of the stream inside a flow collection ({@code a: [1, 2}): today the end of the last event read,
 *       also accepted: the innermost unclosed {@code [} or {@code {}.</li>
 * </ul>
 *
 * <p>Where YamlReader differs on purpose: {@link #EXPLICIT_KEYS_ACCEPTED}, {@link #STRING_TAG_ON_COLLECTION_ACCEPTED},
 * {@link #COLUMNS_IN_CODE_POINTS}, {@link #SLASH_ESCAPE_REFUSED} and {@link #TAB_SEPARATORS_REFUSED} (gathered in
 * {@link Rules#TODAY}; {@link Rules#SNAKEYAML} is the parser before it).
 */
final class YamlOracle {

    /**
     * The parser before YamlReader read an explicit key ({@code ? key}) with a scalar key as an ordinary key;
     * YamlReader refuses explicit keys ({@code false}): the oracle then expects a rejection at the first {@code ?}
     * indicator (unless an earlier error comes first).
     */
    static final boolean EXPLICIT_KEYS_ACCEPTED = false;

    /**
     * The parser before YamlReader accepted and ignored {@code !!str} on a collection ({@code !!str [a]});
     * YamlReader refuses it ({@code false}): the oracle then expects a rejection at the tag.
     */
    static final boolean STRING_TAG_ON_COLLECTION_ACCEPTED = false;

    /**
     * The parser before YamlReader counted columns in code points (an emoji is one column); YamlReader counts
     * UTF-16 chars, as Jackson's JSON parser does ({@code false}): every expected column is then shifted by the
     * astral characters before it on its line.
     */
    static final boolean COLUMNS_IN_CODE_POINTS = false;

    /**
     * The parser before YamlReader refused the escape {@code \/} in a double-quoted scalar (SnakeYAML implements YAML
     * 1.1's escapes; YAML 1.2 adds {@code \/}); YamlReader accepts it ({@code false}): the oracle then reads
     * {@code \/} as {@code /} by handing SnakeYAML a same-length escape the document does not use ({@code \P},
     * {@code \L}, {@code \_}, {@code \N}; else {@code \u002F}) and mapping it back.
     */
    static final boolean SLASH_ESCAPE_REFUSED = false;

    /**
     * SnakeYAML refuses a tab used as a separator (after {@code key:} or {@code -}, before a comment), which YAML
     * 1.2 allows; {@link YamlReader} accepts it. With {@code false} the oracle hands SnakeYAML each such tab as a
     * space (same length, so every position holds), one at a time where SnakeYAML stops at it.
     */
    static final boolean TAB_SEPARATORS_REFUSED = false;

    /**
     * The expected behaviour where a new reader may deliberately differ from today's; {@link #TODAY} is built from
     * the named constants above, other values serve to test the oracle's flipped branches.
     *
     * @param explicitKeysAccepted          see {@link #EXPLICIT_KEYS_ACCEPTED}
     * @param stringTagOnCollectionAccepted see {@link #STRING_TAG_ON_COLLECTION_ACCEPTED}
     * @param columnsInCodePoints           see {@link #COLUMNS_IN_CODE_POINTS}
     * @param slashEscapeRefused            see {@link #SLASH_ESCAPE_REFUSED}
     * @param tabSeparatorsRefused          see {@link #TAB_SEPARATORS_REFUSED}
     */
    record Rules(boolean explicitKeysAccepted, boolean stringTagOnCollectionAccepted, boolean columnsInCodePoints,
                 boolean slashEscapeRefused, boolean tabSeparatorsRefused) {
        /** Lamina's reader ({@link YamlReader}): the constants above. */
        static final Rules TODAY = new Rules(EXPLICIT_KEYS_ACCEPTED, STRING_TAG_ON_COLLECTION_ACCEPTED,
                COLUMNS_IN_CODE_POINTS, SLASH_ESCAPE_REFUSED, TAB_SEPARATORS_REFUSED);
        /** What Jackson's YAML module over SnakeYAML did, Lamina's reader before YamlReader. */
        static final Rules SNAKEYAML = new Rules(true, true, true, true, true);
    }

    /** Whether {@code \/} was handed to SnakeYAML as another escape (see {@link #SLASH_ESCAPE_REFUSED}). */
    private boolean slashSubstituted;
    /** That escape and its character, when {@link #slashSubstituted}. */
    private String[] slashEscape;
    /** The text SnakeYAML last read (separator tabs and {@code \/} replaced as the rules say). */
    private String scanned;

    private static final String STRING_TAG = "tag:yaml.org,2002:str";
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** What the oracle expects. */
    sealed interface Outcome permits Accepted, Rejected {
    }

    /** The document is accepted and reads as {@code root}. */
    record Accepted(Node.Obj root) implements Outcome {
    }

    /**
     * The document is refused at {@code line:column} ({@code -1} when no position is known).
     *
     * @param limit       whether a {@link dev.lamina.config.ConfigLimitException} is expected
     * @param why         the oracle's reason, for failure messages only (never compared)
     * @param alternative another acceptable rejection (see the class comment), or {@code null}
     */
    record Rejected(int line, int column, boolean limit, String why, Rejected alternative) implements Outcome {
        Rejected(int line, int column, boolean limit, String why) {
            this(line, column, limit, why, null);
        }

        boolean matches(int l, int c) {
            return line == l && column == c || alternative != null && alternative.matches(l, c);
        }

        boolean before(Mark m) {
            return line > 0 && (line < m.getLine() + 1 || line == m.getLine() + 1 && column < m.getColumn() + 1);
        }
    }

    /** The expected tree: a small model of its own, so that the comparison never trusts Lamina's node types. */
    sealed interface Node permits Node.Obj, Node.Seq, Node.Scalar, Node.Null {
        int line();

        int column();

        /** A mapping; {@code line == -1} for an empty document's root. */
        record Obj(Map<String, Node> entries, int line, int column) implements Node {
        }

        /** A sequence. */
        record Seq(List<Node> items, int line, int column) implements Node {
        }

        /** A scalar: its text and its type. */
        record Scalar(String text, ScalarType type, int line, int column) implements Node {
        }

        /** A null value. */
        record Null(int line, int column) implements Node {
        }
    }

    /** Thrown inside the walk to stop at the first rejection. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Rejected rejected;

        Stop(Rejected rejected) {
            super(rejected.why(), null, false, false);
            this.rejected = rejected;
        }
    }

    private final String text;
    private final int[] codePoints;
    private final ParseLimits limits;
    private final Rules rules;
    /** The collections opened and not yet closed, innermost last (for the end-of-stream tolerance). */
    private final Deque<CollectionStartEvent> open = new ArrayDeque<>();
    private Iterator<Event> events;
    private Event last;
    private int nodes;
    private int documents;

    private YamlOracle(String text, ParseLimits limits, Rules rules) {
        this.rules = rules;
        this.text = text;
        this.codePoints = text.codePoints().toArray();
        this.limits = limits;
    }

    /**
     * @param document the YAML text as handed to {@code DocumentParser.parse(String...)}
     * @return what Lamina promises for it under {@link ParseLimits#DEFAULTS}
     */
    static Outcome expect(String document) {
        return expect(document, Rules.TODAY);
    }

    /**
     * @param document the YAML text
     * @param rules    the behaviour expected where a new reader may deliberately differ
     * @return what Lamina promises for it under {@link ParseLimits#DEFAULTS} and those rules
     */
    static Outcome expect(String document, Rules rules) {
        String text = !document.isEmpty() && document.charAt(0) == '\uFEFF' ? document.substring(1) : document;
        if (!rules.tabSeparatorsRefused() && onlyDocumentEnds(text) && text.codePoints().allMatch(StreamReader::isPrintable)) {
            // SnakeYAML refuses "..." with no document before it; YAML 1.2's stream grammar allows it (an empty
            // stream), and YamlReader reads it as the empty document.
            return new Accepted(new Node.Obj(Map.of(), -1, -1));
        }
        YamlOracle oracle = new YamlOracle(text, ParseLimits.DEFAULTS, rules);
        Outcome outcome = oracle.withControlCharacters();
        outcome = oracle.withDeliberateChanges(outcome);
        return rules.columnsInCodePoints() ? outcome : oracle.inUtf16Columns(outcome);
    }

    /** Text of more than 1,024 characters before a ': ' on one line (YAML's bound on a key without '?'). */
    private static final Pattern LONG_KEY = Pattern.compile("(?m)^([ -]*)[^ \n#-][^\n]{1024,}?:( |$)");

    /**
     * YamlReader names a key longer than YAML's 1,024 characters at its start; SnakeYAML does not see a key there
     * and reports what follows: the key's start is an acceptable alternative.
     */
    private static Rejected longKey(String input) {
        java.util.regex.Matcher m = LONG_KEY.matcher(input);
        if (!m.find()) {
            return null;
        }
        int start = m.start() + m.group(1).length();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < start; i++) {
            if (input.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Rejected(line, start - lineStart + 1, false, "a key longer than 1,024 characters");
    }

    private static boolean onlyDocumentEnds(String text) {
        boolean end = false;
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (line.stripTrailing().equals("...") || line.startsWith("... #")) {
                end = true; // a marker only at the start of a line
            } else if (!t.isEmpty() && !t.startsWith("#")) {
                return false;
            }
        }
        return end;
    }

    /**
     * A non-printable character is refused at its position. The rest of the document is read with the character
     * replaced by a space, so that an error before it is known too: that one may be reported instead, depending on
     * how far the reader looked ahead (see the class comment).
     */
    private Outcome withControlCharacters() {
        int bad = -1;
        for (int i = 0; i < codePoints.length; i++) {
            if (!StreamReader.isPrintable(codePoints[i])) {
                bad = i;
                break;
            }
        }
        if (bad < 0) {
            return read(text);
        }
        int[] at = position(bad);
        Rejected control = new Rejected(at[0], at[1], false, "control character U+"
                + Integer.toHexString(codePoints[bad]));
        StringBuilder cleaned = new StringBuilder();
        for (int cp : codePoints) {
            cleaned.appendCodePoint(StreamReader.isPrintable(cp) ? cp : ' ');
        }
        Outcome other = read(cleaned.toString());
        if (other instanceof Rejected r && r.line() > 0
                && (r.line() < at[0] || r.line() == at[0] && r.column() < at[1])) {
            return new Rejected(r.line(), r.column(), r.limit(), r.why(), control);
        }
        return control;
    }

    /** {line, column} of a code point index: lines end at LF or a lone CR, a CR is no column (as SnakeYAML). */
    private int[] position(int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; i++) {
            int c = codePoints[i];
            if (c == '\n' || c == '\r' && (i + 1 >= codePoints.length || codePoints[i + 1] != '\n')) {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private Outcome read(String input) {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(10_000); // Lamina's own depth rule is applied below
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        slashEscape = null;
        if (!rules.slashEscapeRefused() && input.contains("\\/")) {
            // A same-length escape whose character the document holds in no other form stands in for it.
            // \u002F is the last resort: longer, so a position after it on its line is off by four.
            String[][] standIns = {{"\\P", "\u2029"}, {"\\L", "\u2028"}, {"\\_", "\u00a0"}, {"\\N", "\u0085"},
                {"\\u002F", "/"}};
            for (String[] standIn : standIns) {
                if (!input.contains(standIn[0]) && (standIn[1].equals("/") || !input.contains(standIn[1]))) {
                    slashEscape = standIn;
                    input = input.replace("\\/", standIn[0]);
                    break;
                }
            }
        }
        slashSubstituted = slashEscape != null;
        nodes = 0;
        documents = 0;
        last = null;
        open.clear();
        scanned = input;
        try {
            events = new Yaml(options).parse(new StringReader(input)).iterator();
            return new Accepted(document());
        } catch (Stop stop) {
            return stop.rejected;
        } catch (MarkedYAMLException e) {
            String separated = rules.tabSeparatorsRefused() ? null
                    : withSeparatorTabAsSpace(input, e, !open.isEmpty() && open.peekLast().isFlow());
            if (separated != null) {
                return read(slashSubstituted ? separated.replace(slashEscape[0], "\\/") : separated);
            }
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            boolean atEnd = e.getProblem() != null && e.getProblem().contains("<stream end>");
            if (atEnd || mark == null) {
                mark = last == null ? null : last.getEndMark();
            }
            if (mark == null) {
                return new Rejected(-1, -1, false, "syntax (no position)");
            }
            Rejected unclosed = null;
            if (atEnd) {
                // Tolerance: at the end of the stream today's column is where the last event ended, which depends
                // on the parser's events; the bracket left open (the innermost flow collection) is as good.
                for (Iterator<CollectionStartEvent> it = open.descendingIterator(); it.hasNext() && unclosed == null; ) {
                    CollectionStartEvent c = it.next();
                    if (c.isFlow()) {
                        unclosed = at(c.getStartMark(), false, "the unclosed bracket");
                    }
                }
            }
            if (unclosed == null && e.getContext() != null && e.getContext().contains("quoted scalar")
                    && e.getContextMark() != null && e.getProblem() != null
                    && e.getProblem().contains("unexpected end of stream")) {
                // YamlReader names the quote that is not closed, SnakeYAML the end of the file: both point at it.
                unclosed = at(e.getContextMark(), false, "the unclosed quote");
            }
            if (unclosed == null) {
                unclosed = longKey(input);
            }
            return new Rejected(mark.getLine() + 1, mark.getColumn() + 1, false, "syntax: " + e.getProblem(),
                    unclosed);
        } catch (YAMLException e) {
            // No mark (e.g. "A simple key is required only if it is the first token in the current line"): today
            // the position is the parser's current one, the end of the last event read.
            return last == null ? new Rejected(-1, -1, false, "YAML error without a mark: " + e.getMessage())
                    : new Rejected(last.getEndMark().getLine() + 1, last.getEndMark().getColumn() + 1, false,
                    "YAML error without a mark: " + e.getMessage());
        }
    }

    /** The next event, after the checks every event gets: documents, aliases, anchors, tags. */
    private Event next() {
        Event e = events.next();
        if (e instanceof DocumentStartEvent && ++documents > 1) {
            throw reject(e.getStartMark(), "second document");
        }
        if (e instanceof AliasEvent) {
            throw reject(e.getStartMark(), "alias");
        }
        if (e instanceof NodeEvent n && n.getAnchor() != null) {
            throw reject(e.getStartMark(), "anchor");
        }
        String tag = e instanceof ScalarEvent s ? s.getTag()
                : e instanceof CollectionStartEvent c ? c.getTag() : null;
        if (tag != null && !STRING_TAG.equals(tag)) {
            throw reject(e.getStartMark(), "tag " + tag);
        }
        last = e;
        if (e instanceof CollectionStartEvent c) {
            open.addLast(c);
        } else if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
            open.pollLast();
        }
        return e;
    }

    private Node.Obj document() {
        Event e = next();
        while (e.is(Event.ID.StreamStart) || e.is(Event.ID.DocumentStart)) {
            e = next();
        }
        Node.Obj root;
        if (e.is(Event.ID.StreamEnd) || e instanceof ScalarEvent s && isPlain(s) && isNull(s.getValue())) {
            root = new Node.Obj(Map.of(), -1, -1);
        } else if (e instanceof MappingStartEvent m) {
            root = mapping(m, 1, 1);
        } else {
            throw reject(e.getStartMark(), "root is not a mapping");
        }
        while (events.hasNext()) {
            Event after = next();
            if (!after.is(Event.ID.DocumentEnd) && !after.is(Event.ID.StreamEnd)) {
                throw reject(after.getStartMark(), "content after the root");
            }
        }
        return root;
    }

    /**
     * @param depth        Lamina's depth of the enclosing container (dotted keys count a level per segment)
     * @param jacksonDepth the enclosing container's real nesting depth (what Jackson's own constraint counts)
     */
    private Node value(Event e, int depth, int jacksonDepth) {
        if (e instanceof MappingStartEvent m) {
            return mapping(m, depth + 1, jacksonDepth + 1);
        }
        if (e instanceof SequenceStartEvent s) {
            return sequence(s, depth + 1, jacksonDepth + 1);
        }
        if (e instanceof ScalarEvent s) {
            return scalar(s);
        }
        throw reject(e.getStartMark(), "unexpected event " + e);
    }

    /**
     * One mapping, with Lamina's key rules: unquoted dotted keys are paths that merge with each other and with
     * nested mappings of the same name; duplicates are refused; merge keys are refused; literal dotted keys must
     * not name the same value as a nested path.
     */
    private Node.Obj mapping(MappingStartEvent start, int depth, int jacksonDepth) {
        if (jacksonDepth > limits.maxDepth()) {
            throw jacksonDepth(start);
        }
        if (depth > limits.maxDepth()) {
            throw limit(start.getStartMark(), "nesting depth (with dotted keys)");
        }
        count(start.getStartMark());
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, int[]> keyPositions = new HashMap<>();
        Set<String> dottedRoots = new HashSet<>();
        boolean literalDots = false;
        while (true) {
            Event k = next();
            if (k.is(Event.ID.MappingEnd)) {
                break;
            }
            if (!(k instanceof ScalarEvent keyEvent)) {
                // Jackson: "Expected a field name", at its current location: the end of the offending event (after
                // the '[' or '{'; for a block collection, its first entry). Tolerance: the key's start is as good.
                throw new Stop(new Rejected(k.getEndMark().getLine() + 1, k.getEndMark().getColumn() + 1, false,
                        "a key that is not a scalar", at(k.getStartMark(), false, "the key's start")));
            }
            String key = slashBack(keyEvent);
            Mark keyMark = keyEvent.getStartMark();
            int[] keyAt = {keyMark.getLine() + 1, keyMark.getColumn() + 1};
            boolean plain = keyEvent.isPlain() && keyEvent.getTag() == null;
            List<String> segments = plain && key.indexOf('.') >= 0 ? List.of(key.split("\\.", -1)) : List.of(key);
            if (segments.size() > 1) {
                if (segments.contains("")) {
                    throw reject(keyMark, "empty segment in a dotted key");
                }
                if (depth + segments.size() - 1 > limits.maxDepth()) {
                    throw limit(keyMark, "nesting depth (dotted key)");
                }
            } else {
                literalDots |= key.indexOf('.') >= 0;
            }
            for (String segment : segments) {
                checkKey(segment, keyMark, plain);
            }
            String first = segments.get(0);
            Node v = value(next(), depth + segments.size() - 1, jacksonDepth);
            for (int i = segments.size() - 1; i >= 1; i--) {
                count(keyMark);
                v = new Node.Obj(Map.of(segments.get(i), v), keyAt[0], keyAt[1]);
            }
            // As today: a duplicate is found once its value has been read, so an error inside that value wins.
            int[] firstAt = keyPositions.putIfAbsent(first, keyAt);
            Node existing = entries.get(first);
            if (segments.size() > 1) {
                dottedRoots.add(first);
                entries.put(first, existing == null ? v : combine(existing, v));
            } else if (firstAt == null) {
                entries.put(first, v);
            } else if (dottedRoots.contains(first)) {
                entries.put(first, combine(existing, v));
            } else {
                throw reject(keyMark, "duplicate key '" + key + "' (first at " + firstAt[0] + ":" + firstAt[1] + ")");
            }
        }
        Node.Obj object = new Node.Obj(entries, start.getStartMark().getLine() + 1,
                start.getStartMark().getColumn() + 1);
        if (literalDots) {
            checkLiteralDots(object);
        }
        return object;
    }

    /** Two values for one key of which at least one came from a dotted key: objects merge, leaves clash. */
    private Node combine(Node existing, Node added) {
        if (existing instanceof Node.Obj a && added instanceof Node.Obj b) {
            Map<String, Node> out = new LinkedHashMap<>(a.entries());
            for (Map.Entry<String, Node> e : b.entries().entrySet()) {
                Node before = out.get(e.getKey());
                out.put(e.getKey(), before == null ? e.getValue() : combine(before, e.getValue()));
            }
            return new Node.Obj(out, a.line(), a.column());
        }
        throw new Stop(new Rejected(added.line(), added.column(), false, "the same leaf written twice"));
    }

    /** A key holding a dot that is one key (quoted) must not name the same value as a nested path. */
    /**
     * @return the input with the tab SnakeYAML stopped at written as a space, when that tab separates (something
     *         other than spaces and tabs comes before it on its line), or {@code null}
     */
    private static String withSeparatorTabAsSpace(String input, MarkedYAMLException e, boolean inFlow) {
        Mark m = e.getProblemMark();
        if (m == null || e.getProblem() == null || !e.getProblem().contains("(TAB)")) {
            return null;
        }
        int index = input.offsetByCodePoints(0, Math.min(m.getIndex(), input.codePointCount(0, input.length())));
        if (index >= input.length() || input.charAt(index) != '\t') {
            return null;
        }
        int lineStart = input.lastIndexOf('\n', index) + 1;
        int lineEnd = input.indexOf('\n', index);
        String rest = input.substring(index, lineEnd < 0 ? input.length() : lineEnd).strip();
        // Separation, not indentation: after other text on the line, on a line of only blanks and a comment, or
        // inside a flow collection (where indentation means nothing). YAML 1.2 allows tabs in all three.
        boolean separates = inFlow || rest.isEmpty() || rest.startsWith("#");
        for (int i = lineStart; i < index && !separates; i++) {
            separates = input.charAt(i) != ' ' && input.charAt(i) != '\t';
        }
        return separates ? input.substring(0, index) + ' ' + input.substring(index + 1) : null;
    }

    private static void checkLiteralDots(Node.Obj object) {
        for (Map.Entry<String, Node> e : object.entries().entrySet()) {
            String key = e.getKey();
            if (key.indexOf('.') < 0) {
                continue;
            }
            String[] segments = key.split("\\.", -1);
            if (segments.length < 2 || segments[0].isEmpty()) {
                continue;
            }
            Node node = object.entries().get(segments[0]);
            for (int i = 1; i < segments.length && node != null; i++) {
                if (node instanceof Node.Obj o) {
                    node = o.entries().get(segments[i]);
                } else if (node instanceof Node.Seq s && segments[i].matches("[0-9]{1,9}")) {
                    int index = Integer.parseInt(segments[i]);
                    node = index < s.items().size() ? s.items().get(index) : null;
                } else {
                    node = null;
                }
            }
            if (node != null) {
                throw new Stop(new Rejected(e.getValue().line(), e.getValue().column(), false,
                        "literal dotted key '" + key + "' and a nested path name the same value"));
            }
        }
    }

    private void checkKey(String key, Mark at, boolean plain) {
        if (key.length() > limits.maxStringLength()) {
            throw limit(at, "key length");
        }
        if (hasLoneSurrogate(key)) {
            throw reject(at, "lone surrogate in a key");
        }
        if (plain && "<<".equals(key)) {
            throw reject(at, "merge key");
        }
    }

    private Node.Seq sequence(SequenceStartEvent start, int depth, int jacksonDepth) {
        if (jacksonDepth > limits.maxDepth()) {
            throw jacksonDepth(start);
        }
        if (depth > limits.maxDepth()) {
            throw limit(start.getStartMark(), "nesting depth (with dotted keys)");
        }
        count(start.getStartMark());
        List<Node> items = new ArrayList<>();
        while (true) {
            Event e = next();
            if (e.is(Event.ID.SequenceEnd)) {
                break;
            }
            items.add(value(e, depth, jacksonDepth));
        }
        return new Node.Seq(items, start.getStartMark().getLine() + 1, start.getStartMark().getColumn() + 1);
    }

    /** A scalar's value, type and position, per the class comment. */
    private Node scalar(ScalarEvent s) {
        Mark m = s.getStartMark();
        int[] at = {m.getLine() + 1, m.getColumn() + 1};
        boolean plain = isPlain(s);
        if (plain && isNull(s.getValue())) {
            count(m);
            return new Node.Null(at[0], at[1]);
        }
        if (s.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                || s.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED) {
            at = blockContentStart(m);
        }
        count(m);
        String value = slashBack(s);
        ScalarType type = plain ? type(value) : ScalarType.STRING;
        if (type == ScalarType.STRING && hasLoneSurrogate(value)) {
            throw new Stop(new Rejected(at[0], at[1], false, "lone surrogate"));
        }
        if (type == ScalarType.NUMBER && value.length() > limits.maxNumberLength()) {
            throw new Stop(new Rejected(at[0], at[1], true, "number length"));
        }
        if (value.length() > limits.maxStringLength()) {
            throw new Stop(new Rejected(at[0], at[1], true, "string length"));
        }
        return new Node.Scalar(value, type, at[0], at[1]);
    }

    private String slashBack(ScalarEvent s) {
        if (!slashSubstituted) {
            return s.getValue();
        }
        return s.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                ? s.getValue().replace(slashEscape[1], "/") : s.getValue().replace(slashEscape[0], "\\/");
    }

    /** YAML 1.2 core schema, as Lamina documents it, for a plain untagged scalar that is not null. */
    static ScalarType type(String plain) {
        if ("true".equals(plain) || "false".equals(plain)) {
            return ScalarType.BOOLEAN;
        }
        return NUMBER.matcher(plain).matches() ? ScalarType.NUMBER : ScalarType.STRING;
    }

    private static boolean isPlain(ScalarEvent s) {
        return s.isPlain() && s.getTag() == null;
    }

    private static boolean isNull(String plain) {
        return switch (plain) {
            case "", "~", "null", "Null", "NULL" -> true;
            default -> false;
        };
    }

    /**
     * Today's position of a block scalar: the line after the indicator's line, at the indentation (plus one) of
     * the first line after the indicator that holds something other than spaces; column 1 when there is none.
     */
    private int[] blockContentStart(Mark indicator) {
        int i = indicator.getIndex();
        int line = indicator.getLine();
        if (i < codePoints.length && codePoints[i] == '!') {
            // The event starts at its tag; the line counts from the '|' or '>' itself, which may follow the tag on
            // the next line.
            while (i < codePoints.length && codePoints[i] != '|' && codePoints[i] != '>') {
                line += codePoints[i] == '\n' ? 1 : 0;
                i++;
            }
        }
        while (i < codePoints.length && codePoints[i] != '\n') {
            i++;
        }
        int indent = 0;
        for (int at = i + 1; at < codePoints.length; ) {
            int spaces = 0;
            while (at < codePoints.length && codePoints[at] == ' ') {
                spaces++;
                at++;
            }
            int white = at;
            while (!rules.tabSeparatorsRefused() && white < codePoints.length && codePoints[white] == '\t') {
                white++; // a line of blanks with a tab is blank too (YamlReader; the old reader counted it)
            }
            if (white < codePoints.length && codePoints[white] != '\n' && codePoints[white] != '\r') {
                indent = spaces;
                break;
            }
            while (at < codePoints.length && codePoints[at] != '\n') {
                at++;
            }
            at++;
        }
        return new int[] {line + 2, indent + 1};
    }

    private void count(Mark at) {
        if (++nodes > limits.maxNodes()) {
            throw limit(at, "number of nodes");
        }
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

    /**
     * Jackson's own nesting constraint fires before Lamina's depth check, at its current position: the end of the
     * collection's start event (after a '[' or '{'). Tolerance: the collection's start is as good.
     */
    private static Stop jacksonDepth(CollectionStartEvent start) {
        return new Stop(new Rejected(start.getEndMark().getLine() + 1, start.getEndMark().getColumn() + 1, true,
                "nesting depth", at(start.getStartMark(), true, "nesting depth, at the collection's start")));
    }

    private static Rejected at(Mark m, boolean limit, String why) {
        return new Rejected(m.getLine() + 1, m.getColumn() + 1, limit, why);
    }

    private static Stop reject(Mark m, String why) {
        return new Stop(new Rejected(m.getLine() + 1, m.getColumn() + 1, false, why));
    }

    private static Stop limit(Mark m, String why) {
        return new Stop(new Rejected(m.getLine() + 1, m.getColumn() + 1, true, why));
    }

    /**
     * Applies the flags for behaviour a new reader may change: when one is off, the first explicit key or
     * {@code !!str} collection tag becomes a rejection, unless the document is refused earlier anyway.
     */
    private Outcome withDeliberateChanges(Outcome outcome) {
        if (rules.explicitKeysAccepted() && rules.stringTagOnCollectionAccepted()) {
            return outcome;
        }
        Mark first = null;
        String why = null;
        try {
            ScannerImpl scanner = new ScannerImpl(new StreamReader(scanned), new LoaderOptions());
            Token previous = null;
            while (scanner.checkToken()) {
                Token t = scanner.getToken();
                if (!rules.explicitKeysAccepted() && previous instanceof KeyToken
                        && previous.getStartMark().getIndex() != t.getStartMark().getIndex()) {
                    first = previous.getStartMark();
                    why = "explicit key";
                    break;
                }
                if (!rules.stringTagOnCollectionAccepted() && previous != null && previous.getTokenId() == Token.ID.Tag
                        && (t.getTokenId() == Token.ID.FlowSequenceStart || t.getTokenId() == Token.ID.FlowMappingStart
                        || t.getTokenId() == Token.ID.BlockMappingStart
                        || t.getTokenId() == Token.ID.BlockSequenceStart || t.getTokenId() == Token.ID.BlockEntry)) {
                    first = previous.getStartMark();
                    why = "tag on a collection";
                    break;
                }
                previous = t;
            }
        } catch (YAMLException e) {
            return outcome; // a syntax error: the outcome already says so
        }
        if (first == null || outcome instanceof Rejected r && r.before(first)) {
            return outcome;
        }
        return new Rejected(first.getLine() + 1, first.getColumn() + 1, false, why);
    }

    /** Every expected column counted in UTF-16 chars instead of code points ({@link Rules#columnsInCodePoints}). */
    private Outcome inUtf16Columns(Outcome outcome) {
        List<Integer> lineStarts = new ArrayList<>(List.of(0));
        for (int i = 0; i < codePoints.length; i++) {
            if (codePoints[i] == '\n' || codePoints[i] == '\r' && (i + 1 >= codePoints.length
                    || codePoints[i + 1] != '\n')) {
                lineStarts.add(i + 1);
            }
        }
        java.util.function.IntBinaryOperator utf16 = (line, column) -> {
            if (line < 1 || line > lineStarts.size()) {
                return column;
            }
            int start = lineStarts.get(line - 1);
            int extra = 0;
            for (int i = start; i < start + column - 1 && i < codePoints.length; i++) {
                extra += Character.charCount(codePoints[i]) - 1;
            }
            return column + extra;
        };
        if (outcome instanceof Rejected r) {
            return new Rejected(r.line(), utf16.applyAsInt(r.line(), r.column()), r.limit(), r.why(), r.alternative());
        }
        return new Accepted((Node.Obj) remap(((Accepted) outcome).root(), utf16));
    }

    private static Node remap(Node n, java.util.function.IntBinaryOperator col) {
        int c = n.line() < 0 ? n.column() : col.applyAsInt(n.line(), n.column());
        if (n instanceof Node.Obj o) {
            Map<String, Node> out = new LinkedHashMap<>();
            o.entries().forEach((k, v) -> out.put(k, remap(v, col)));
            return new Node.Obj(out, o.line(), c);
        }
        if (n instanceof Node.Seq s) {
            List<Node> out = new ArrayList<>();
            s.items().forEach(v -> out.add(remap(v, col)));
            return new Node.Seq(out, s.line(), c);
        }
        if (n instanceof Node.Scalar s) {
            return new Node.Scalar(s.text(), s.type(), s.line(), c);
        }
        return new Node.Null(n.line(), c);
    }
}
