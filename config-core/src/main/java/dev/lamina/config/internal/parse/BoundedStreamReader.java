package dev.lamina.config.internal.parse;

import java.io.StringReader;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;

import dev.lamina.config.ParseLimits;

/**
 * SnakeYAML's character reader over a document already in memory, in linear time. SnakeYAML's own
 * {@link StreamReader} reads 1,024 characters at a time and copies its whole look-ahead window on every read, so a
 * token that is looked at before it is consumed (a long plain scalar or comment line) costs the square of its
 * length: a 10 MB scalar took 36 s. This reader decodes the text to code points once and peeks by index. It keeps
 * SnakeYAML's semantics (positions in code points, the same line-break rules, the same printable-character check)
 * and adds one bound: no token may be looked ahead further than {@link ParseLimits#maxStringLength()} characters,
 * so an over-long scalar, key or comment is refused while it is being read, not after.
 *
 * <p>One instance reads one document; not thread-safe.
 */
final class BoundedStreamReader extends StreamReader {

    private final String source;
    /** The name every mark carries, built once: SnakeYAML asks for a mark per token and event. */
    private final String markName;
    private final int[] data;
    private final int maxLookAhead;
    /** Index of the first character SnakeYAML does not accept, or {@code data.length} when there is none. */
    private final int firstNonPrintable;
    private int pointer;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    BoundedStreamReader(String source, String text, ParseLimits limits) {
        super(new StringReader(""));
        this.source = source;
        this.markName = "'" + source + "'";
        this.data = codePoints(text);
        // The look-ahead covers a token plus the indicator after it, hence a little slack above the string limit.
        this.maxLookAhead = limits.maxStringLength() + 2;
        int bad = data.length;
        for (int i = 0; i < data.length; i++) {
            if (!isPrintable(data[i])) {
                bad = i;
                break;
            }
        }
        this.firstNonPrintable = bad;
    }

    /**
     * As {@code text.codePoints().toArray()} (a lone surrogate is one code point of its own), without the stream:
     * every YAML document passes here, and {@code IntStream.toArray} costs a cold start about 20 classes and a lambda.
     */
    static int[] codePoints(String text) {
        int[] out = new int[text.codePointCount(0, text.length())];
        int j = 0;
        for (int i = 0; i < text.length(); j++) {
            int cp = text.codePointAt(i);
            out[j] = cp;
            i += Character.charCount(cp);
        }
        return out;
    }

    @Override
    public Mark getMark() {
        return new Mark(markName, index, line, column, data, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && available(0); i++) {
            int c = data[pointer++];
            index++;
            documentIndex++;
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
                    || c == '\r' && available(0) && data[pointer] != '\n') {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return available(0) ? data[pointer] : '\0';
    }

    @Override
    public int peek(int offset) {
        return available(offset) ? data[pointer + offset] : '\0';
    }

    @Override
    public String prefix(int length) {
        if (length == 0) {
            return "";
        }
        available(length - 1);
        return new String(data, pointer, Math.min(length, data.length - pointer));
    }

    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        index += length;
        documentIndex += length;
        column += length; // as in SnakeYAML: a prefix never holds a line break
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }

    /**
     * @param indicatorIndex code-point index of a block scalar's {@code |} or {@code >}
     * @param indicatorLine  1-based line of the indicator
     * @return {line, column} of the block's content: the next line, at the indentation of its first non-blank line
     */
    int[] blockContentStart(int indicatorIndex, int indicatorLine) {
        int i = indicatorIndex;
        while (i < data.length && data[i] != '\n') {
            i++;
        }
        int indent = 0;
        for (int at = i + 1; at < data.length; ) {
            int spaces = 0;
            while (at < data.length && data[at] == ' ') {
                spaces++;
                at++;
            }
            if (at < data.length && data[at] != '\n' && data[at] != '\r') {
                indent = spaces;
                break;
            }
            while (at < data.length && data[at] != '\n') {
                at++;
            }
            at++;
        }
        return new int[] {indicatorLine + 1, indent + 1};
    }

    /** Whether the character {@code offset} ahead exists; enforces the look-ahead bound and the character check. */
    private boolean available(int offset) {
        if (offset > maxLookAhead) {
            throw Failures.limit(Failures.at(source, line + 1L, column + 1L), null,
                    "length of a YAML scalar, key or comment (more than " + (maxLookAhead - 2) + " characters)",
                    "maxStringLength", maxLookAhead - 2L);
        }
        int at = pointer + offset;
        if (at >= firstNonPrintable && firstNonPrintable < data.length) {
            throw nonPrintable();
        }
        return at < data.length;
    }

    private RuntimeException nonPrintable() {
        int l = 1;
        int c = 1;
        for (int i = 0; i < firstNonPrintable; i++) {
            int ch = data[i];
            if (ch == '\n' || ch == '\r' && (i + 1 >= data.length || data[i + 1] != '\n')) {
                l++;
                c = 1;
            } else if (ch != '\r') {
                c++;
            }
        }
        return Failures.parse(Failures.at(source, l, c), null, "control characters are not allowed in YAML (U+"
                + String.format("%04X", data[firstNonPrintable]) + "); remove it or write it as an escape in a "
                + "double-quoted string");
    }
}
