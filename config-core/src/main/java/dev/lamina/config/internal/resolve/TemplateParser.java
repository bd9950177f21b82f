package dev.lamina.config.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.lamina.config.internal.resolve.Template.Literal;
import dev.lamina.config.internal.resolve.Template.Lookup;
import dev.lamina.config.internal.resolve.Template.Operator;
import dev.lamina.config.internal.resolve.Template.Part;
import dev.lamina.config.internal.resolve.Template.Variable;

/**
 * Reads the interpolation grammar of {@code docs/interpolation.md} into a {@link Template}.
 *
 * <pre>
 * template  := ( literal | "$$" | "$" name | "${" expr "}" )*      a "$" before anything else is literal
 * expr      := prefix ":" key [ ":-" template ]                     prefix [a-z][a-z0-9_-]*, key not starting with - ? + =
 *            | name [ op template ]                                 op one of :- - :? ? :+ +
 * name      := [A-Za-z_][A-Za-z0-9_]*   in ${...} dots are allowed too (system properties such as user.home)
 * </pre>
 *
 * <p>Nesting is bounded ({@link #MAX_NESTING}) so that a hostile string cannot exhaust the stack. Not thread-safe
 * (one instance per string); {@link #parse} is.
 */
final class TemplateParser {

    /** Deepest nesting of expressions inside defaults, alternatives, messages and keys. */
    static final int MAX_NESTING = 32;

    /** Where a nested template ends. */
    private enum Stop {
        /** Top level: the end of the string; a {@code }} is literal. */
        END,
        /** A default, alternative or message: the first unmatched {@code }}. */
        BRACE,
        /** A namespaced key: the first unmatched {@code }} or {@code :-}. */
        KEY
    }

    private final String s;
    private int pos;

    private TemplateParser(String s) {
        this.s = s;
    }

    /**
     * @param text a string scalar's text
     * @return its template
     * @throws TemplateSyntaxException when an expression is malformed
     */
    static Template parse(String text) {
        if (text.indexOf('$') < 0) {
            return new Template(List.of(new Literal(text)));
        }
        return new TemplateParser(text).sequence(Stop.END, 0);
    }

    private Template sequence(Stop stop, int depth) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int n = s.length();
        while (pos < n) {
            char c = s.charAt(pos);
            if (stop != Stop.END && c == '}') {
                break;
            }
            if (stop == Stop.KEY && c == ':' && pos + 1 < n && s.charAt(pos + 1) == '-') {
                break;
            }
            if (c != '$' || pos + 1 >= n) {
                literal.append(c);
                pos++;
                continue;
            }
            char next = s.charAt(pos + 1);
            if (next == '$') {
                literal.append('$');
                pos += 2;
            } else if (next == '{') {
                flush(literal, parts);
                parts.add(braced(depth));
            } else if (isNameStart(next)) {
                flush(literal, parts);
                int column = pos + 1;
                pos++;
                int start = pos;
                while (pos < n && isNamePart(s.charAt(pos))) {
                    pos++;
                }
                parts.add(new Variable(s.substring(start, pos), Operator.NONE, Template.EMPTY, column, false));
            } else {
                // A "$" before anything else ("a $ string", "^REGEX$", "$}") is kept, as in bash and compose.
                literal.append('$');
                pos++;
            }
        }
        flush(literal, parts);
        return new Template(parts);
    }

    private Part braced(int depth) {
        int dollar = pos;
        int column = dollar + 1;
        if (depth >= MAX_NESTING) {
            throw new TemplateSyntaxException(column, "expressions are nested deeper than " + MAX_NESTING);
        }
        pos += 2; // "${"
        int n = s.length();
        int prefixEnd = prefixEnd(pos);
        if (prefixEnd > pos && prefixEnd < n && s.charAt(prefixEnd) == ':'
                && (prefixEnd + 1 >= n || "-?+=".indexOf(s.charAt(prefixEnd + 1)) < 0)) {
            String prefix = s.substring(pos, prefixEnd);
            pos = prefixEnd + 1;
            Template key = sequence(Stop.KEY, depth + 1);
            if (pos >= n) {
                throw unclosed(column);
            }
            if (key.parts().isEmpty()) {
                throw new TemplateSyntaxException(column, "'" + prefix + ":' needs a key");
            }
            Optional<Template> fallback = Optional.empty();
            if (s.charAt(pos) == ':') {
                pos += 2; // ":-"
                fallback = Optional.of(sequence(Stop.BRACE, depth + 1));
                if (pos >= n) {
                    throw unclosed(column);
                }
            }
            pos++; // "}"
            return new Lookup(prefix, key, fallback, column);
        }
        int start = pos;
        if (pos < n && isNameStart(s.charAt(pos))) {
            pos++;
            while (pos < n && (isNamePart(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
        }
        String name = s.substring(start, pos);
        if (pos >= n) {
            throw unclosed(column);
        }
        if (name.isEmpty()) {
            throw new TemplateSyntaxException(column, s.charAt(pos) == '}' ? "'${}' names no variable"
                    : "expected a variable name (a letter or '_') after '${'; write $${ for a literal ${ "
                    + "(GitHub Actions' ${{ }}, for one)");
        }
        Operator operator = operator(column);
        if (operator == Operator.NONE) {
            pos++; // "}"
            return new Variable(name, operator, Template.EMPTY, column, true);
        }
        Template word = sequence(Stop.BRACE, depth + 1);
        if (pos >= n) {
            throw unclosed(column);
        }
        pos++; // "}"
        return new Variable(name, operator, word, column, true);
    }

    /**
     * Reads the operator after a name, leaving {@code pos} after it; {@code NONE} leaves {@code pos} on "}".
     * Errors carry the column of the expression's {@code $}, which is what a user looks for.
     */
    private Operator operator(int column) {
        char c = s.charAt(pos);
        char d = pos + 1 < s.length() ? s.charAt(pos + 1) : '\0';
        Operator op;
        int width = 1;
        switch (c) {
            case '}' -> {
                return Operator.NONE;
            }
            case '-' -> op = Operator.DEFAULT_UNSET;
            case '?' -> op = Operator.REQUIRE_SET;
            case '+' -> op = Operator.ALTERNATIVE_SET;
            case ':' -> {
                width = 2;
                op = switch (d) {
                    case '-' -> Operator.DEFAULT_UNSET_OR_EMPTY;
                    case '?' -> Operator.REQUIRE_NON_EMPTY;
                    case '+' -> Operator.ALTERNATIVE_NON_EMPTY;
                    case '=' -> throw new TemplateSyntaxException(column,
                            "assignment ':=' is not supported (use ':-' for a default)");
                    default -> throw new TemplateSyntaxException(column,
                            "after a variable name ':' must be followed by '-', '?' or '+'");
                };
            }
            case '=' -> throw new TemplateSyntaxException(column,
                    "assignment '=' is not supported (use '-' for a default)");
            default -> throw new TemplateSyntaxException(column,
                    "unexpected character after a variable name (expected '}' or one of :- - :? ? :+ +)");
        }
        pos += width;
        return op;
    }

    private int prefixEnd(int from) {
        int i = from;
        if (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
            i++;
            while (i < s.length() && isPrefixPart(s.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private static TemplateSyntaxException unclosed(int column) {
        return new TemplateSyntaxException(column, "'${' is not closed by '}'");
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean isPrefixPart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
