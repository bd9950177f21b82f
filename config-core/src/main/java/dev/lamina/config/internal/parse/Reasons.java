package dev.lamina.config.internal.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.lamina.config.Format;

/**
 * Reasons for syntax errors, chosen from a fixed list by recognising the underlying library's message. The
 * library's message itself never reaches the user, because Jackson and Woodstox quote the offending
 * input (which may be a secret); only the phrases listed here, all written without input text, are used.
 */
final class Reasons {

    private static final List<String[]> JSON = List.of(
            new String[] {"unexpected end-of-input", "unexpected end of the document (an object, list or string is not closed)"},
            new String[] {"unexpected close marker", "unexpected closing bracket"},
            new String[] {"illegal unquoted character", "control characters in strings must be escaped"},
            new String[] {"unrecognized character escape", "invalid escape sequence in a string"},
            new String[] {"leading zeroes", "invalid number (leading zeros)"},
            new String[] {"non-standard token", "invalid number (NaN and Infinity are not JSON)"},
            new String[] {"was expecting double-quote to start field name", "expected a quoted key"},
            new String[] {"was expecting comma", "expected ',' between entries"},
            new String[] {"was expecting a colon", "expected ':' after a key"},
            new String[] {"unrecognized token", "unrecognized token (strings must be quoted)"},
            new String[] {"unexpected character", "unexpected character"});

    private static final List<String[]> TOML = List.of(
            new String[] {"duplicate key", "duplicate key"},
            new String[] {"table redefined", "table defined more than once"},
            new String[] {"array already finished", "array of tables cannot be extended here"},
            new String[] {"object already closed", "table cannot be extended here (it was defined inline)"},
            new String[] {"array already closed", "array cannot be extended (it was defined inline)"},
            new String[] {"number out of bounds", "number out of range"},
            new String[] {"invalid number", "invalid number"},
            new String[] {"not a valid number", "invalid number"},
            new String[] {"trailing comma not permitted", "trailing comma is not allowed in an inline table"},
            new String[] {"illegal control character", "control characters are not allowed here"},
            new String[] {"newline not permitted", "a newline is not allowed here"},
            new String[] {"comment not permitted", "a comment is not allowed here"},
            new String[] {"unknown escape sequence", "invalid escape sequence in a string"},
            new String[] {"invalid code point", "invalid Unicode escape"},
            new String[] {"premature end of file", "unexpected end of the document"},
            new String[] {"unknown token", "unrecognized token"});

    private static final Pattern TOML_UNEXPECTED = Pattern.compile("Unexpected token: Got [A-Z_]+, expected [A-Za-z_ ,]+");

    private static final List<String[]> XML = List.of(
            new String[] {"entity", "entity references are not allowed in XML configuration"},
            new String[] {"multiple roots", "an XML document must have exactly one root element"},
            new String[] {"unexpected eof", "unexpected end of the document (an element is not closed)"},
            new String[] {"unexpected end of input", "unexpected end of the document (an element is not closed)"},
            new String[] {"unexpected close tag", "closing tag does not match the open element"},
            new String[] {"doctype", "DOCTYPE is not allowed in XML configuration (no DTDs, no entities); remove it"},
            new String[] {"processing instruction", "processing instructions are not allowed here"},
            new String[] {"duplicate attribute", "an attribute appears twice on one element"});

    private Reasons() {
    }

    /**
     * @param format  the document's format
     * @param message the library's message (used only to recognise the kind of error; never returned)
     * @return a reason written by us
     */
    static String syntax(Format format, String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        String firstLine = message == null ? "" : message.lines().findFirst().orElse("");
        return switch (format) {
            case JSON -> pick(JSON, m, "malformed JSON");
            case TOML -> TOML_UNEXPECTED.matcher(firstLine).matches()
                    ? "unexpected token: " + firstLine.substring("Unexpected token: Got ".length())
                    : pick(TOML, m, "malformed TOML");
            case YAML -> "malformed YAML"; // YamlReader writes its own reasons
            case XML -> pick(XML, m, "malformed XML");
            case PROPERTIES -> "malformed properties file";
            case ENV -> "malformed .env file";
        };
    }

    private static String pick(List<String[]> table, String lowerMessage, String fallback) {
        for (String[] entry : table) {
            if (lowerMessage.contains(entry[0])) {
                return entry[1];
            }
        }
        return fallback;
    }
}
