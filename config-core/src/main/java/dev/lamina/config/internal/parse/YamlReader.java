package dev.lamina.config.internal.parse;

import dev.lamina.config.ConfigParseException;

/**
 * Lamina's own YAML reader: the part of YAML 1.2 that configuration files use, read in one pass over the text in
 * memory, as a pull stream of {@link Token}s for {@link TokenTreeBuilder}.
 *
 * <p>Why not a general YAML library: a configuration needs block and flow mappings and lists, the four scalar styles
 * and comments, and must refuse anchors, aliases, tags and extra documents at their exact position. Jackson's YAML
 * module over SnakeYAML did that with about 170 classes on the start path and two jars (issue 11: cold start and
 * weight), and its marks, events and tokens were a third of the bytes a large load allocated.
 *
 * <p>What it reads: block mappings and lists (a list may sit at its key's indentation), compact nested forms
 * ({@code - a: 1}, {@code - - x}), flow lists and mappings (nested, over several lines, trailing comma), plain
 * scalars (folded over lines), single- and double-quoted scalars (every YAML escape, folding, escaped line breaks),
 * literal and folded block scalars (chomping and indentation indicators), comments, {@code ---} and {@code ...}
 * around the one document, a {@code %YAML} directive, and the {@code !!str} tag. What it refuses, with the line and
 * column: anchors, aliases, other tags, {@code %TAG}, explicit keys ({@code ? key}), a second document, tabs used
 * for indentation and characters YAML does not allow unescaped. A {@code key: value} entry of a flow list
 * ({@code [a: 1]}) is a mapping of one key, as YAML says.
 *
 * <p>It does not type scalars: the builder does, from the text and {@link #plain()} (YAML 1.2 core schema). Work is
 * linear in the text; nesting is held in arrays, never on the call stack, and the builder stops it at
 * {@code ParseLimits.maxDepth}. One instance reads one document; not thread-safe.
 */
final class YamlReader implements TokenStream {

    private static final byte BLOCK_MAP = 0;
    private static final byte BLOCK_SEQ = 1;
    private static final byte FLOW_MAP = 2;
    private static final byte FLOW_SEQ = 3;
    /** A single {@code key: value} pair written as an entry of a flow list ({@code [a: 1, b]}): a one-key mapping. */
    private static final byte FLOW_PAIR = 4;

    /** Block mapping: a key comes next. Flow collections: the first entry or ']' / '}' comes next. */
    private static final byte EXPECT_KEY = 0;
    /** Block mapping: the value of the key just read. Flow mapping: ':' and the value, or the end of the entry. */
    private static final byte EXPECT_VALUE = 1;
    /** Flow collections: ',' or the closing bracket comes next. */
    private static final byte AFTER_ENTRY = 2;
    /** Flow collections: an entry or the closing bracket (trailing comma) comes next. */
    private static final byte AFTER_COMMA = 3;

    /** How a node is placed: at the start of its own line, after {@code key:} or {@code ---}, or after {@code - }. */
    private static final int OWN_LINE = 0;
    private static final int INLINE = 1;
    private static final int AFTER_DASH = 2;

    private static final String STR_TAG = "!!str";
    private static final String STR_TAG_VERBATIM = "!<tag:yaml.org,2002:str>";

    private final String source;
    private final String s;
    private final int n;

    private int pos;
    private int line = 1;
    private int lineStart;

    private byte[] kinds = new byte[16];
    private byte[] states = new byte[16];
    private int[] indents = new int[16];
    /** For flow collections: where the bracket was opened, named when the file ends before it closes. */
    private int[] openLines = new int[16];
    private int[] openColumns = new int[16];
    private int depth;

    private boolean started;
    private boolean ended;

    private Token token;
    private String text;
    private boolean plain;
    private int tokenLine;
    private int tokenColumn;

    YamlReader(String source, String text) {
        this.source = source;
        String t = text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
        this.s = t;
        this.n = t.length();
        if (n > 0 && t.charAt(0) == '\uFEFF') {
            pos = 1;
            lineStart = 1;
        }
        checkCharacters();
    }

    @Override
    public String name() {
        return text;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public long line() {
        return tokenLine;
    }

    @Override
    public long column() {
        return tokenColumn;
    }

    @Override
    public boolean plain() {
        return plain;
    }

    @Override
    public Token next() {
        if (!started) {
            started = true;
            return startDocument();
        }
        if (depth == 0) {
            return endDocument();
        }
        int d = depth - 1;
        return switch (kinds[d]) {
            case BLOCK_MAP -> nextInBlockMap(d);
            case BLOCK_SEQ -> nextInBlockSeq(d);
            case FLOW_SEQ -> nextInFlowSeq(d);
            case FLOW_PAIR -> nextInFlowPair(d);
            default -> nextInFlowMap(d);
        };
    }

    // ---------------------------------------------------------------- document

    private Token startDocument() {
        boolean directive = false;
        while (true) {
            skipToContent();
            if (pos < n && col() == 0 && s.charAt(pos) == '%') {
                directive(lineEnd(pos));
                directive = true;
                continue;
            }
            break;
        }
        if (isMarker("---")) {
            pos += 3;
            skipSpaces();
            if (!atLineEndOrComment()) {
                return startNode(-1, INLINE);
            }
        } else if (directive) {
            throw error("a directive (%YAML, %TAG) must be followed by a '---' line");
        }
        skipToContent();
        if (pos >= n || isMarker("...")) {
            return endDocument();
        }
        if (isMarker("---")) {
            throw secondDocument();
        }
        return startNode(-1, OWN_LINE);
    }

    private boolean yamlDirective;

    private void directive(int end) {
        String d = s.substring(pos, end);
        int name = 1;
        while (name < d.length() && (Character.isLetterOrDigit(d.charAt(name)) || d.charAt(name) == '-')) {
            name++;
        }
        if (name == 1 || name < d.length() && d.charAt(name) != ' ' && d.charAt(name) != '\t') {
            throw error("malformed directive: a '%' at the start of a line begins one (%YAML 1.2); quote a value "
                    + "that starts with '%'");
        }
        if (d.startsWith("%YAML") && name == 5) {
            if (yamlDirective) {
                throw error("the %YAML directive may appear only once");
            }
            yamlDirective = true;
            // %YAML <major>.<minor>, then blanks and an optional comment; checked by hand (a regex compiled when the
            // reader loads would cost every cold start its classes).
            int i = 5;
            int blanks = i;
            while (i < d.length() && (d.charAt(i) == ' ' || d.charAt(i) == '\t')) {
                i++;
            }
            int major = i;
            while (i < d.length() && Character.isDigit(d.charAt(i))) {
                i++;
            }
            int dot = i;
            if (i < d.length() && d.charAt(i) == '.') {
                i++;
            }
            int minor = i;
            while (i < d.length() && Character.isDigit(d.charAt(i))) {
                i++;
            }
            int versionEnd = i;
            while (i < d.length() && (d.charAt(i) == ' ' || d.charAt(i) == '\t')) {
                i++;
            }
            boolean wellFormed = major > blanks && dot > major && dot < d.length() && d.charAt(dot) == '.'
                    && versionEnd > minor && (i == d.length() || d.charAt(i) == '#' && i > versionEnd);
            if (!wellFormed) {
                throw error("malformed %YAML directive; write %YAML 1.2");
            }
            if (!"1".equals(d.substring(major, dot))) {
                throw error("unsupported YAML version in the %YAML directive; Lamina reads YAML 1.x (write %YAML 1.2)");
            }
        }
        // %TAG declares a tag handle (a tag that uses it is refused where it is written); other directives are
        // reserved, and YAML says to ignore them.
        pos = end;
    }

    private Token endDocument() {
        if (ended) {
            return null;
        }
        ended = true;
        while (true) {
            skipToContent();
            if (pos >= n) {
                return null;
            }
            if (isMarker("...")) {
                pos += 3;
                continue;
            }
            if (isMarker("---")) {
                throw secondDocument();
            }
            throw error("unexpected content after the end of the document's root (check the indentation)");
        }
    }

    private ConfigParseException secondDocument() {
        return error("a file may hold only one YAML document; remove the '---' separator or split the file");
    }

    // ---------------------------------------------------------------- block collections

    private Token nextInBlockMap(int d) {
        int m = indents[d];
        if (states[d] == EXPECT_KEY) {
            skipToContent();
            if (pos >= n || col() < m || isMarker("---") || isMarker("...")) {
                return pop(Token.END_OBJECT);
            }
            if (col() > m) {
                throw error("bad indentation: this line is indented more than the keys above it");
            }
            char c = s.charAt(pos);
            if (c == '-' && blankAt(pos + 1)) {
                throw error("expected a key, found a '-' list item (check the indentation)");
            }
            readBlockKey();
            states[d] = EXPECT_VALUE;
            return token;
        }
        states[d] = EXPECT_KEY;
        int afterColumn = col() + 1;
        int afterLine = line;
        skipSpaces();
        if (atLineEndOrComment()) {
            skipToContent();
            if (pos < n && !isMarker("---") && !isMarker("...")
                    && (col() > m || col() == m && s.charAt(pos) == '-' && blankAt(pos + 1))) {
                return startNode(m, OWN_LINE);
            }
            return scalar(Token.NULL, "", true, afterLine, afterColumn);
        }
        return startNode(m, INLINE);
    }

    private Token nextInBlockSeq(int d) {
        int m = indents[d];
        skipToContent();
        if (pos >= n || col() < m || isMarker("---") || isMarker("...")) {
            return pop(Token.END_ARRAY);
        }
        if (col() > m) {
            throw error("bad indentation: this line is indented more than the list items above it");
        }
        if (s.charAt(pos) != '-' || !blankAt(pos + 1)) {
            if (d > 0 && kinds[d - 1] == BLOCK_MAP && indents[d - 1] == m) {
                return pop(Token.END_ARRAY); // a list at its key's indentation ends where the next key starts
            }
            throw error("expected a '-' list item (check the indentation)");
        }
        pos++;
        int afterColumn = col() + 1;
        int afterLine = line;
        skipSpaces();
        if (atLineEndOrComment()) {
            skipToContent();
            if (pos < n && col() > m && !isMarker("---") && !isMarker("...")) {
                return startNode(m, OWN_LINE);
            }
            return scalar(Token.NULL, "", true, afterLine, afterColumn);
        }
        return startNode(m, AFTER_DASH);
    }

    /** A key of a block mapping, at {@code pos}; leaves {@code pos} after its ':'. */
    private void readBlockKey() {
        int keyLine = line;
        int keyColumn = col() + 1;
        char c = s.charAt(pos);
        boolean string = false;
        if (c == '!') {
            stringTag(false);
            skipSpaces();
            string = true;
            c = pos < n ? s.charAt(pos) : '\n';
        }
        refuseProperties(c);
        String name;
        boolean isPlain;
        if (c == '"' || c == '\'') {
            name = quoted(c);
            if (line != keyLine) {
                throw errorAt(keyLine, keyColumn, "a quoted key must fit on one line");
            }
            isPlain = false;
            skipSpaces();
        } else {
            if (c == '?' && blankAt(pos + 1)) {
                throw error("explicit keys ('? key') are not supported; write 'key: value'");
            }
            if (c == ':' && blankAt(pos + 1)) {
                throw error("a key is missing before ':'");
            }
            checkPlainStart(c);
            int start = pos;
            int end = plainLineEnd(pos, false);
            pos = end;
            name = s.substring(start, trimEnd(start, end));
            isPlain = !string; // !!str makes '<<' and dotted keys ordinary keys
        }
        if (pos >= n || s.charAt(pos) != ':' || !blankAt(pos + 1)) {
            throw errorAt(keyLine, keyColumn, "expected ':' after a key");
        }
        checkKeyLength(lineStart + keyColumn - 1, pos);
        pos++;
        token = Token.KEY;
        text = name;
        plain = isPlain;
        tokenLine = keyLine;
        tokenColumn = keyColumn;
    }

    // ---------------------------------------------------------------- nodes

    /**
     * The node at {@code pos}, which is its first character.
     *
     * @param parent the indentation of the enclosing block collection ({@code -1} at the root)
     * @param place  {@link #OWN_LINE}, {@link #INLINE} or {@link #AFTER_DASH}
     */
    private Token startNode(int parent, int place) {
        int nodeLine = line;
        int nodeColumn = col() + 1;
        boolean string = false;
        char c = s.charAt(pos);
        if (c == '!') {
            stringTag(false);
            skipSpaces();
            string = true;
            if (atLineEndOrComment()) {
                // The tagged node may start on the next line, indented under its key.
                skipToContent();
                if (pos >= n || col() <= parent || isMarker("---") || isMarker("...")) {
                    return scalar(Token.STRING, "", false, nodeLine, nodeColumn);
                }
                char next = s.charAt(pos);
                if (next == '[' || next == '{' || next == '-' && blankAt(pos + 1) || isImplicitKey()) {
                    throw errorAt(nodeLine, nodeColumn, "the !!str tag applies to scalars; remove it from the "
                            + (next == '[' || next == '-' ? "list" : "mapping"));
                }
            }
            c = s.charAt(pos);
        }
        refuseProperties(c);
        switch (c) {
            case '[':
            case '{':
                if (string) {
                    throw errorAt(nodeLine, nodeColumn, "the !!str tag applies to scalars; remove it from the "
                            + (c == '[' ? "list" : "mapping"));
                }
                push(c == '[' ? FLOW_SEQ : FLOW_MAP, parent);
                openLines[depth - 1] = line;
                openColumns[depth - 1] = col() + 1;
                pos++;
                return structure(c == '[' ? Token.START_ARRAY : Token.START_OBJECT, nodeLine, nodeColumn);
            case '|':
            case '>':
                return blockScalar(parent);
            case '-':
                if (blankAt(pos + 1)) {
                    if (place == INLINE) {
                        throw error("a '- ' list item cannot follow a key or '---' on the same line; start the "
                                + "list on the next line");
                    }
                    if (string) {
                        throw errorAt(nodeLine, nodeColumn, "the !!str tag applies to scalars; remove it from the list");
                    }
                    push(BLOCK_SEQ, col());
                    return structure(Token.START_ARRAY, nodeLine, nodeColumn);
                }
                break;
            case '?':
                if (blankAt(pos + 1)) {
                    throw error("explicit keys ('? key') are not supported; write 'key: value'");
                }
                break;
            case ':':
                if (blankAt(pos + 1)) {
                    throw error(place == INLINE ? "a ':' is not allowed here (quote the value or fix the indentation)"
                            : "a key is missing before ':'");
                }
                break;
            default:
                break;
        }
        if (place != INLINE && isImplicitKey()) {
            int keyColumn = col();
            if (string) {
                pos = lineStart + nodeColumn - 1; // the mapping's first key starts with its !!str tag
            }
            push(BLOCK_MAP, string ? nodeColumn - 1 : keyColumn);
            return structure(Token.START_OBJECT, nodeLine, nodeColumn);
        }
        if (c == '"' || c == '\'') {
            String value = quoted(c);
            skipSpaces();
            if (pos < n && s.charAt(pos) == ':' && blankAt(pos + 1)) {
                throw error("a ':' is not allowed here (quote the whole value or fix the indentation)");
            }
            // A '#' right after the closing quote starts a comment too, as the YAML readers in use accept it.
            if (!atLineEndOrComment()) {
                if (s.charAt(pos) != '#') {
                    throw error("unexpected text after a quoted value; quote the whole value");
                }
                pos = lineEnd(pos);
            }
            return scalar(Token.STRING, value, false, nodeLine, nodeColumn);
        }
        checkPlainStart(c);
        String value = plainScalar(parent, false);
        if (pos < n && s.charAt(pos) == ':') {
            throw error("a ':' is not allowed here (quote the value or fix the indentation)");
        }
        return plainValue(value, string, nodeLine, nodeColumn);
    }

    private Token plainValue(String value, boolean string, int valueLine, int valueColumn) {
        if (string) {
            return scalar(Token.STRING, value, false, valueLine, valueColumn);
        }
        return scalar(isNull(value) ? Token.NULL : Token.STRING, value, true, valueLine, valueColumn);
    }

    private static boolean isNull(String plainText) {
        return switch (plainText) {
            case "", "~", "null", "Null", "NULL" -> true;
            default -> false;
        };
    }

    /**
     * YAML's bound on a key written without {@code ?} (1,024 characters): longer text before a ': ' is no key to
     * YAML readers, and a message that says so is clearer than what such readers report.
     */
    private static final int MAX_KEY_LENGTH = 1024;

    private void checkKeyLength(int start, int colon) {
        if (colon - start > MAX_KEY_LENGTH) {
            throw errorAt(line, start - lineStart + 1, "a key may be at most " + MAX_KEY_LENGTH
                    + " characters long (YAML's limit for keys); shorten it");
        }
    }

    /** Whether the scalar at {@code pos} is followed, on its line, by ': ' (a key of a new block mapping). */
    private boolean isImplicitKey() {
        char c = s.charAt(pos);
        int i;
        if (c == '"' || c == '\'') {
            i = quoteEndOnLine(pos);
            if (i < 0) {
                return false;
            }
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        } else {
            i = plainLineEnd(pos, false);
        }
        if (i < n && s.charAt(i) == ':' && blankAt(i + 1)) {
            checkKeyLength(pos, i);
            return true;
        }
        return false;
    }

    /** The index after the closing quote of the quoted scalar at {@code start}, or -1 if it does not close on its line. */
    private int quoteEndOnLine(int start) {
        char q = s.charAt(start);
        for (int i = start + 1; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                return -1;
            }
            if (q == '"' && c == '\\') {
                i++;
            } else if (c == q) {
                if (q == '\'' && i + 1 < n && s.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /**
     * At a {@code !}: checks that the tag is {@code !!str}, the only one accepted, and moves past it.
     *
     * @param flow inside a flow collection, where {@code , ] }} also end the tag
     */
    private void stringTag(boolean flow) {
        int end = pos;
        while (end < n && !(flow ? flowBlankAt(end) : blankAt(end))) {
            end++;
        }
        String tag = s.substring(pos, end);
        if (!STR_TAG.equals(tag) && !STR_TAG_VERBATIM.equals(tag)) {
            throw error("YAML tags are not supported (only !!str); remove the tag, or quote the value for a string");
        }
        pos = end;
    }

    private void refuseProperties(char c) {
        if (c == '&') {
            throw error("YAML anchors are not supported; write the value out where it is used");
        }
        if (c == '*') {
            throw error("YAML aliases are not supported; write the value out where it is used");
        }
        if (c == '!') {
            throw error("YAML tags are not supported (only !!str); remove the tag, or quote the value for a string");
        }
    }

    private void checkPlainStart(char c) {
        switch (c) {
            case ',', '[', ']', '{', '}', '#', '|', '>', '%', '@', '`' ->
                    throw error("a character that cannot start a YAML value (quote the value)");
            default -> {
            }
        }
    }

    // ---------------------------------------------------------------- flow collections

    private Token nextInFlowSeq(int d) {
        while (true) {
            skipFlowSpace(d);
            char c = s.charAt(pos);
            if (states[d] == AFTER_ENTRY) {
                if (c == ',') {
                    pos++;
                    states[d] = AFTER_COMMA;
                    continue;
                }
                if (c == ']') {
                    return closeFlow(Token.END_ARRAY);
                }
                throw error("expected ',' or ']' in a flow list");
            }
            if (c == ']') {
                return closeFlow(Token.END_ARRAY);
            }
            if (c == ',') {
                throw error("a value is missing before ',' in a flow list");
            }
            states[d] = AFTER_ENTRY;
            if (isFlowImplicitKey()) {
                int pairLine = line;
                int pairColumn = col() + 1;
                push(FLOW_PAIR, indents[d]);
                openLines[depth - 1] = openLines[d];
                openColumns[depth - 1] = openColumns[d];
                return structure(Token.START_OBJECT, pairLine, pairColumn);
            }
            return flowNode(d);
        }
    }

    /** A {@code key: value} entry of a flow list, read as a mapping of one key; see {@link #FLOW_PAIR}. */
    private Token nextInFlowPair(int d) {
        switch (states[d]) {
            case EXPECT_KEY:
                readFlowKey();
                states[d] = EXPECT_VALUE;
                return token;
            case EXPECT_VALUE: {
                states[d] = AFTER_ENTRY;
                skipFlowSpace(d);
                int colonLine = line;
                int colonColumn = col() + 2;
                pos++; // the ':' isFlowImplicitKey found
                skipFlowSpace(d);
                char v = s.charAt(pos);
                if (v == ',' || v == ']') {
                    return scalar(Token.NULL, "", true, colonLine, colonColumn);
                }
                return flowNode(d);
            }
            default:
                depth--;
                return structure(Token.END_OBJECT, line, col() + 1);
        }
    }

    /** Whether the flow-list entry at {@code pos} is a scalar key followed by ':' on its line. */
    private boolean isFlowImplicitKey() {
        char c = s.charAt(pos);
        int i;
        if (c == '"' || c == '\'') {
            i = quoteEndOnLine(pos);
            if (i < 0) {
                return false;
            }
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            return i < n && s.charAt(i) == ':';
        }
        if (c == '[' || c == '{' || c == '!' || c == '&' || c == '*' || c == '-' && blankAt(pos + 1)
                || c == '?' && flowBlankAt(pos + 1)) {
            return false;
        }
        i = plainLineEnd(pos, true);
        return i < n && s.charAt(i) == ':' && flowBlankAt(i + 1);
    }

    private Token nextInFlowMap(int d) {
        while (true) {
            skipFlowSpace(d);
            char c = s.charAt(pos);
            switch (states[d]) {
                case AFTER_ENTRY:
                    if (c == ',') {
                        pos++;
                        states[d] = AFTER_COMMA;
                        continue;
                    }
                    if (c == '}') {
                        return closeFlow(Token.END_OBJECT);
                    }
                    throw error("expected ',' or '}' in a flow mapping");
                case EXPECT_VALUE:
                    states[d] = AFTER_ENTRY;
                    if (c == ':') {
                        int colonLine = line;
                        int colonColumn = col() + 2;
                        pos++;
                        skipFlowSpace(d);
                        char v = s.charAt(pos);
                        if (v == ',' || v == '}') {
                            return scalar(Token.NULL, "", true, colonLine, colonColumn);
                        }
                        return flowNode(d);
                    }
                    if (c == ',' || c == '}') {
                        return scalar(Token.NULL, "", true, line, col() + 1);
                    }
                    throw error("expected ':' after a key in a flow mapping");
                default:
                    if (c == '}') {
                        return closeFlow(Token.END_OBJECT);
                    }
                    if (c == ',') {
                        throw error("a key is missing before ',' in a flow mapping");
                    }
                    if (c == '?' && blankAt(pos + 1)) {
                        throw error("explicit keys ('? key') are not supported; write 'key: value'");
                    }
                    readFlowKey();
                    states[d] = EXPECT_VALUE;
                    return token;
            }
        }
    }

    private void readFlowKey() {
        int keyLine = line;
        int keyColumn = col() + 1;
        char c = s.charAt(pos);
        boolean string = false;
        if (c == '!') {
            stringTag(true);
            skipSpaces();
            string = true;
            c = pos < n ? s.charAt(pos) : '\n';
            if (c == ',' || c == '}' || c == ']' || c == ':' && flowBlankAt(pos + 1)) {
                scalar(Token.KEY, "", false, keyLine, keyColumn); // !!str alone: the empty string
                return;
            }
        }
        refuseProperties(c);
        String name;
        boolean isPlain;
        if (c == '"' || c == '\'') {
            name = quoted(c);
            isPlain = false;
        } else if (c == '[' || c == '{') {
            throw error("a key must be a scalar, not a list or mapping");
        } else if (c == ':' && flowBlankAt(pos + 1)) {
            throw error("a key is missing before ':'");
        } else {
            checkPlainStart(c);
            name = plainScalar(-1, true);
            isPlain = !string;
        }
        if (line != keyLine) {
            int save = pos;
            int saveLine = line;
            int saveStart = lineStart;
            skipToContentAnyIndent();
            boolean colon = pos < n && s.charAt(pos) == ':';
            pos = save;
            line = saveLine;
            lineStart = saveStart;
            if (colon) {
                throw errorAt(keyLine, keyColumn, "a key must fit on one line");
            }
        }
        token = Token.KEY;
        text = name;
        plain = isPlain;
        tokenLine = keyLine;
        tokenColumn = keyColumn;
    }

    /** A value inside a flow collection, at {@code pos}. */
    private Token flowNode(int d) {
        int nodeLine = line;
        int nodeColumn = col() + 1;
        char c = s.charAt(pos);
        boolean string = false;
        if (c == '!') {
            stringTag(true);
            skipFlowSpace(d);
            string = true;
            c = s.charAt(pos);
            if (c == ',' || c == ']' || c == '}') {
                return scalar(Token.STRING, "", false, nodeLine, nodeColumn);
            }
        }
        refuseProperties(c);
        switch (c) {
            case '[':
            case '{':
                if (string) {
                    throw errorAt(nodeLine, nodeColumn, "the !!str tag applies to scalars; remove it from the "
                            + (c == '[' ? "list" : "mapping"));
                }
                push(c == '[' ? FLOW_SEQ : FLOW_MAP, indents[d]);
                openLines[depth - 1] = line;
                openColumns[depth - 1] = col() + 1;
                pos++;
                return structure(c == '[' ? Token.START_ARRAY : Token.START_OBJECT, nodeLine, nodeColumn);
            case '"':
            case '\'':
                return scalar(Token.STRING, quoted(c), false, nodeLine, nodeColumn);
            case '-':
                if (blankAt(pos + 1)) {
                    throw error("a '- ' list item is not allowed inside [ ] or { }; separate values with ','");
                }
                break;
            case '?':
                if (flowBlankAt(pos + 1)) {
                    throw error("explicit keys ('? key') are not supported; write 'key: value'");
                }
                break;
            default:
                break;
        }
        checkPlainStart(c);
        return plainValue(plainScalar(-1, true), string, nodeLine, nodeColumn);
    }

    private Token closeFlow(Token end) {
        int closeLine = line;
        int closeColumn = col() + 1;
        pos++;
        depth--;
        if (depth == 0 || kinds[depth - 1] == BLOCK_MAP || kinds[depth - 1] == BLOCK_SEQ) {
            skipSpaces();
            if (pos < n && s.charAt(pos) == ':' && blankAt(pos + 1)) {
                throw errorAt(openLines[depth], openColumns[depth],
                        "a list or mapping cannot be a key; use a plain or quoted key");
            }
            if (!atLineEndOrComment()) {
                throw error("unexpected text after the closing bracket");
            }
        }
        return structure(end, closeLine, closeColumn);
    }

    /** Skips spaces, line breaks and comments inside a flow collection; the file must not end there. */
    private void skipFlowSpace(int d) {
        while (true) {
            skipToContentAnyIndent();
            if (pos >= n) {
                throw errorAt(openLines[d], openColumns[d], "the file ends inside a flow list or mapping: a '[' or '{'"
                        + " is not closed (the " + (kinds[d] == FLOW_MAP ? "'{'" : "'['") + " here)");
            }
            if (isMarker("---") || isMarker("...")) {
                throw error("a document marker inside a flow " + (kinds[d] == FLOW_MAP ? "mapping" : "list")
                        + "; close the '" + (kinds[d] == FLOW_MAP ? '{' : '[') + "' opened at line " + openLines[d]
                        + " first");
            }
            return;
        }
    }

    // ---------------------------------------------------------------- scalars

    /**
     * A plain scalar starting at {@code pos}, folded over continuation lines; leaves {@code pos} after its last
     * character.
     *
     * @param parent the indentation continuation lines must exceed (block context)
     * @param flow   inside a flow collection: stops at {@code , [ ] { }} and ':' before them
     */
    private String plainScalar(int parent, boolean flow) {
        int start = pos;
        int end = plainLineEnd(pos, flow);
        int textEnd = trimEnd(start, end);
        pos = end;
        if (atIndicator(end)) {
            return s.substring(start, textEnd);
        }
        StringBuilder folded = null;
        while (true) {
            // pos is at a line break, a comment, spaces before one, or the end
            int save = pos;
            int saveLine = line;
            int saveStart = lineStart;
            int p = pos;
            while (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
                p++;
            }
            if (p >= n || s.charAt(p) != '\n') {
                break; // a comment or the end: the scalar ends here
            }
            int breaks = 0;
            while (p < n) {
                // at a line break
                p++;
                line++;
                lineStart = p;
                breaks++;
                int q = p;
                while (q < n && s.charAt(q) == ' ') {
                    q++;
                }
                int indent = q - p;
                while (q < n && (s.charAt(q) == ' ' || s.charAt(q) == '\t')) {
                    q++;
                }
                if (q < n && s.charAt(q) == '\n') {
                    p = q;
                    continue; // an empty line
                }
                pos = q;
                boolean continues = q < n && s.charAt(q) != '#'
                        && (flow || indent > parent) && !isMarker("---") && !isMarker("...");
                if (flow && continues) {
                    char c = s.charAt(q);
                    continues = c != ',' && c != ']' && c != '}' && !(c == ':' && flowBlankAt(q + 1));
                }
                if (!continues) {
                    pos = save;
                    line = saveLine;
                    lineStart = saveStart;
                    return folded == null ? s.substring(start, textEnd) : folded.toString();
                }
                break;
            }
            if (folded == null) {
                folded = new StringBuilder(64).append(s, start, textEnd);
            }
            if (breaks == 1) {
                folded.append(' ');
            } else {
                for (int i = 1; i < breaks; i++) {
                    folded.append('\n');
                }
            }
            int segment = pos;
            int segmentEnd = plainLineEnd(pos, flow);
            textEnd = trimEnd(segment, segmentEnd);
            folded.append(s, segment, textEnd);
            pos = segmentEnd;
            if (atIndicator(segmentEnd)) {
                if (!flow && s.charAt(segmentEnd) == ':') {
                    throw error("a ':' is not allowed here (quote the value or fix the indentation)");
                }
                return folded.toString();
            }
        }
        return folded == null ? s.substring(start, textEnd) : folded.toString();
    }

    /** Whether {@link #plainLineEnd} stopped at an indicator (':' or a flow bracket), not at a comment or line end. */
    private boolean atIndicator(int end) {
        return end < n && s.charAt(end) != '\n' && s.charAt(end) != '#';
    }

    /**
     * Where the plain text on this line that starts at {@code from} ends: at a line break, at ': ' (or ':' at the end
     * of the line), at ' #', and inside flow collections also at {@code , [ ] { }} and ':' before them. Trailing
     * spaces are included; see {@link #trimEnd}.
     */
    private int plainLineEnd(int from, boolean flow) {
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                return i;
            }
            if (c == ':' && (flow ? flowBlankAt(i + 1) : blankAt(i + 1))) {
                return i;
            }
            if (c == '#' && i > from && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
                return i;
            }
            if (flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')) {
                return i;
            }
            i++;
        }
        return i;
    }

    private int trimEnd(int start, int end) {
        int e = end;
        while (e > start && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
            e--;
        }
        return e;
    }

    /** A single- or double-quoted scalar at {@code pos}; leaves {@code pos} after the closing quote. */
    private String quoted(char quote) {
        int openLine = line;
        int openColumn = col() + 1;
        int start = ++pos;
        // Fast path: one line, no escapes.
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c == quote) {
                if (quote == '\'' && i + 1 < n && s.charAt(i + 1) == '\'') {
                    break;
                }
                pos = i + 1;
                return s.substring(start, i);
            }
            if (c == '\n' || quote == '"' && c == '\\') {
                break;
            }
        }
        StringBuilder out = new StringBuilder();
        int hard = 0; // length of out that trailing-space trimming must keep (escapes and text)
        while (true) {
            if (pos >= n) {
                throw errorAt(openLine, openColumn, "unexpected end of the document: this quoted string is not closed");
            }
            char c = s.charAt(pos);
            if (c == quote) {
                if (quote == '\'' && pos + 1 < n && s.charAt(pos + 1) == '\'') {
                    out.append('\'');
                    hard = out.length();
                    pos += 2;
                    continue;
                }
                pos++;
                return out.toString();
            }
            if (c == '\n') {
                out.setLength(hard);
                int breaks = foldQuotedBreaks(openLine, openColumn);
                if (breaks == 1) {
                    out.append(' ');
                } else {
                    for (int i = 1; i < breaks; i++) {
                        out.append('\n');
                    }
                }
                hard = out.length();
                continue;
            }
            if (quote == '"' && c == '\\') {
                escape(out);
                hard = out.length();
                continue;
            }
            out.append(c);
            pos++;
            if (c != ' ' && c != '\t') {
                hard = out.length();
            }
        }
    }

    /** At a line break inside a quoted scalar: consumes it, the empty lines after it and the next line's indentation. */
    private int foldQuotedBreaks(int openLine, int openColumn) {
        int breaks = 0;
        while (pos < n && s.charAt(pos) == '\n') {
            pos++;
            line++;
            lineStart = pos;
            breaks++;
            if (isMarker("---") || isMarker("...")) {
                throw errorAt(openLine, openColumn, "a document marker inside a quoted string; close the quote first");
            }
            while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
        }
        return breaks;
    }

    private void escape(StringBuilder out) {
        int escLine = line;
        int escColumn = col() + 1;
        pos++;
        if (pos >= n) {
            throw errorAt(escLine, escColumn, "unexpected end of the document: this quoted string is not closed");
        }
        char e = s.charAt(pos++);
        switch (e) {
            case '0' -> out.append('\0');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 't', '\t' -> out.append('\t');
            case 'n' -> out.append('\n');
            case 'v' -> out.append('\u000B');
            case 'f' -> out.append('\f');
            case 'r' -> out.append('\r');
            case 'e' -> out.append('\u001B');
            case ' ' -> out.append(' ');
            case '"' -> out.append('"');
            case '/' -> out.append('/');
            case '\\' -> out.append('\\');
            case 'N' -> out.append('\u0085');
            case '_' -> out.append('\u00A0');
            case 'L' -> out.append('\u2028');
            case 'P' -> out.append('\u2029');
            case 'x' -> out.appendCodePoint(hex(2, escLine, escColumn));
            case 'u' -> out.appendCodePoint(hex(4, escLine, escColumn));
            case 'U' -> {
                int cp = hex(8, escLine, escColumn);
                if (cp > Character.MAX_CODE_POINT) {
                    throw errorAt(escLine, escColumn, "invalid Unicode escape: beyond U+10FFFF");
                }
                out.appendCodePoint(cp);
            }
            case '\n' -> {
                // An escaped line break joins the lines without a space; empty lines after it still count.
                line++;
                lineStart = pos;
                if (isMarker("---") || isMarker("...")) {
                    throw errorAt(escLine, escColumn, "a document marker inside a quoted string; close the quote first");
                }
                while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                    pos++;
                }
                if (pos < n && s.charAt(pos) == '\n') {
                    int breaks = foldQuotedBreaks(escLine, escColumn);
                    for (int i = 0; i < breaks; i++) {
                        out.append('\n');
                    }
                }
            }
            default -> throw errorAt(escLine, escColumn + 1, "invalid escape sequence in a double-quoted string");
        }
    }

    private int hex(int digits, int escLine, int escColumn) {
        if (pos + digits > n) {
            throw errorAt(escLine, escColumn, "invalid escape sequence in a double-quoted string (expected "
                    + digits + " hexadecimal digits)");
        }
        int value = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(s.charAt(pos + i), 16);
            if (d < 0) {
                throw errorAt(escLine, col() + 1, "invalid escape sequence in a double-quoted string (expected "
                        + digits + " hexadecimal digits)");
            }
            value = value << 4 | d;
        }
        pos += digits;
        return value < 0 ? Integer.MAX_VALUE : value;
    }

    /** A literal ({@code |}) or folded ({@code >}) block scalar whose indicator is at {@code pos}. */
    private Token blockScalar(int parent) {
        int headerLine = line;
        boolean folded = s.charAt(pos) == '>';
        pos++;
        char chomp = 'c';
        int increment = 0;
        for (int i = 0; i < 2 && pos < n; i++) {
            char c = s.charAt(pos);
            if ((c == '+' || c == '-') && chomp == 'c') {
                chomp = c;
            } else if (c >= '1' && c <= '9' && increment == 0) {
                increment = c - '0';
            } else if (c == '0') {
                throw error("a block scalar's indentation indicator must be 1 to 9");
            } else {
                break;
            }
            pos++;
        }
        int afterHeader = pos;
        skipSpaces();
        if (pos < n && s.charAt(pos) == '#' && pos == afterHeader) {
            throw error("a comment after a block scalar header needs a space before '#'");
        }
        if (!atLineEndOrComment()) {
            throw error("expected a comment or a line break after the block scalar header ('|' or '>')");
        }
        pos = lineEnd(pos);
        if (pos < n) {
            pos++;
            line++;
            lineStart = pos;
        }
        int first = firstContentIndent();
        int indent;
        if (increment > 0) {
            indent = Math.max(parent, 0) + increment;
        } else {
            indent = first > parent ? first : -1; // -1: no content line, every line here belongs to what follows
        }
        // The value's origin: the line after the header, at the first content line's indentation, so that a
        // position inside the value (an interpolation error) counts from the right line.
        int contentLine = headerLine + 1;
        int contentColumn = Math.max(first, 0) + 1;
        StringBuilder out = new StringBuilder();
        int pendingBreaks = 0;
        boolean started = false;
        boolean previousMore = false;
        boolean lastBroken = false;
        while (pos < n) {
            int p = pos;
            while (p < n && s.charAt(p) == ' ') {
                p++;
            }
            int spaces = p - pos;
            int white = p;
            while (white < n && (s.charAt(white) == ' ' || s.charAt(white) == '\t')) {
                white++;
            }
            // A line of blanks no deeper than the block is an empty line of it (a stray tab included).
            boolean blank = white >= n || s.charAt(white) == '\n';
            if (blank && (indent < 0 || spaces <= indent)) {
                pendingBreaks++;
                pos = white;
                if (pos < n) {
                    pos++;
                    line++;
                    lineStart = pos;
                } else {
                    pendingBreaks--; // the last line has no line break
                }
                continue;
            }
            if (indent < 0 || spaces < indent) {
                break;
            }
            int end = lineEnd(pos);
            int from = pos + indent;
            boolean more = from < end && (s.charAt(from) == ' ' || s.charAt(from) == '\t');
            if (!started) {
                appendBreaks(out, pendingBreaks);
            } else if (folded && !more && !previousMore) {
                if (pendingBreaks == 0) {
                    out.append(' ');
                } else {
                    appendBreaks(out, pendingBreaks);
                }
            } else {
                appendBreaks(out, pendingBreaks + 1);
            }
            out.append(s, from, end);
            started = true;
            previousMore = more;
            pendingBreaks = 0;
            pos = end;
            lastBroken = pos < n;
            if (pos < n) {
                pos++;
                line++;
                lineStart = pos;
            }
        }
        switch (chomp) {
            case '-':
                break;
            case '+':
                if (started && lastBroken) {
                    out.append('\n');
                }
                appendBreaks(out, pendingBreaks);
                break;
            default:
                if (started && lastBroken) {
                    out.append('\n');
                }
                break;
        }
        // pos is at the start of the first line after the block (or the end): the enclosing collection goes on there
        return scalar(Token.STRING, out.toString(), false, contentLine, contentColumn);
    }

    private static void appendBreaks(StringBuilder out, int count) {
        for (int i = 0; i < count; i++) {
            out.append('\n');
        }
    }

    /** The indentation of the first non-empty line from {@code pos}, or -1 if there is none. */
    private int firstContentIndent() {
        int p = pos;
        while (p < n) {
            int q = p;
            while (q < n && s.charAt(q) == ' ') {
                q++;
            }
            int white = q;
            while (white < n && (s.charAt(white) == ' ' || s.charAt(white) == '\t')) {
                white++;
            }
            if (white < n && s.charAt(white) != '\n') {
                return q - p;
            }
            p = white + 1;
        }
        return -1;
    }

    // ---------------------------------------------------------------- positions and whitespace

    private int col() {
        return pos - lineStart;
    }

    private boolean blankAt(int i) {
        if (i >= n) {
            return true;
        }
        char c = s.charAt(i);
        return c == ' ' || c == '\t' || c == '\n';
    }

    private boolean flowBlankAt(int i) {
        if (blankAt(i)) {
            return true;
        }
        char c = s.charAt(i);
        return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }

    private int lineEnd(int from) {
        int i = s.indexOf('\n', from);
        return i < 0 ? n : i;
    }

    private boolean isMarker(String marker) {
        return col() == 0 && s.startsWith(marker, pos) && blankAt(pos + 3);
    }

    private void skipSpaces() {
        while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private boolean atLineEndOrComment() {
        if (pos >= n) {
            return true;
        }
        char c = s.charAt(pos);
        return c == '\n' || c == '#' && (pos == lineStart || s.charAt(pos - 1) == ' ' || s.charAt(pos - 1) == '\t');
    }

    /**
     * Moves to the next character that is not a space, a comment or a line break. In block context the
     * indentation of that line must be spaces only.
     */
    private void skipToContent() {
        skipToContentAnyIndent();
        if (pos < n) {
            for (int i = lineStart; i < pos; i++) {
                if (s.charAt(i) == '\t') {
                    if (allWhite(lineStart, pos)) {
                        throw errorAt(line, i - lineStart + 1, "tab characters cannot indent YAML; use spaces");
                    }
                    break;
                }
            }
        }
    }

    private boolean allWhite(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private void skipToContentAnyIndent() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == '#' && (pos == lineStart || s.charAt(pos - 1) == ' ' || s.charAt(pos - 1) == '\t')) {
                pos = lineEnd(pos);
            } else {
                return;
            }
        }
    }

    // ---------------------------------------------------------------- tokens and frames

    private void push(byte kind, int indent) {
        if (depth == kinds.length) {
            int size = depth * 2;
            kinds = java.util.Arrays.copyOf(kinds, size);
            states = java.util.Arrays.copyOf(states, size);
            indents = java.util.Arrays.copyOf(indents, size);
            openLines = java.util.Arrays.copyOf(openLines, size);
            openColumns = java.util.Arrays.copyOf(openColumns, size);
        }
        kinds[depth] = kind;
        states[depth] = EXPECT_KEY;
        indents[depth] = indent;
        depth++;
    }

    private Token pop(Token end) {
        depth--;
        return structure(end, line, col() + 1);
    }

    private Token structure(Token t, int atLine, int atColumn) {
        token = t;
        text = null;
        plain = false;
        tokenLine = atLine;
        tokenColumn = atColumn;
        return t;
    }

    private Token scalar(Token t, String value, boolean isPlain, int atLine, int atColumn) {
        token = t;
        text = value;
        plain = isPlain;
        tokenLine = atLine;
        tokenColumn = atColumn;
        return t;
    }

    private ConfigParseException error(String reason) {
        return errorAt(line, col() + 1, reason);
    }

    private ConfigParseException errorAt(int atLine, int atColumn, String reason) {
        return Failures.parse(Failures.at(source, atLine, atColumn), null, reason);
    }

    /** YAML's printable set: refuses C0 and C1 controls (but tab and line breaks), DEL, U+FFFE and U+FFFF. */
    private void checkCharacters() {
        int l = 1;
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue;
            }
            if (c == '\n') {
                l++;
                start = i + 1;
            } else if (c != '\t' && (c < 0xA0 && c != 0x85 || c == 0xFFFE || c == 0xFFFF)) {
                throw errorAt(l, i - start + 1, "control characters are not allowed; write them as escapes in a "
                        + "double-quoted string (\\t, \\u0007)");
            }
        }
    }
}
