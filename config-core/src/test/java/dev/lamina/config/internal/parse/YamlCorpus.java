package dev.lamina.config.internal.parse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic generator of config-shaped YAML documents for {@link YamlDifferentialTest}: every document is a
 * function of {@code (seed, index)} alone, so a failing one can be rebuilt with {@link #generate(long, int)} or
 * {@link #mutate(long, int)}.
 *
 * <p>Generated documents use the styles real configuration files use: nested block mappings indented by 1 to 6
 * spaces (chosen per level), block sequences indented or not under their key, compact nested sequences and
 * mappings, flow collections (nested, multi-line, trailing commas, empty), plain, single- and double-quoted
 * scalars (every escape, line continuations, folding), literal and folded block scalars (chomping, indentation
 * indicators, trailing empty lines, more-indented lines), comments and blank lines everywhere, {@code ---},
 * {@code ...}, {@code %YAML 1.2}, CRLF line endings, a byte-order mark, quoted, numeric, boolean and dotted keys,
 * empty and null values, unicode (astral characters too), long lines, tabs inside values and deep nesting. Most
 * generated documents are valid; some (a tab after {@code :}, {@code \/}) are refused today by design of SnakeYAML.
 *
 * <p>{@link #mutate} applies one to three small random edits to a generated document (delete, insert or duplicate
 * a character or a line, shift a line's indentation by one, a tab at a line start, an anchor, alias, tag,
 * explicit key, document marker, unclosed quote or bracket, a control character), which gives many invalid and
 * some oddly valid documents.
 */
final class YamlCorpus {

    private static final List<String> WORDS = List.of("server", "port", "host", "name", "timeout", "retries",
            "pool", "max_size", "min-idle", "enabled", "url", "path", "level", "cache", "ttl", "region", "user",
            "password_file", "features", "limits", "replicas", "image", "tag", "labels", "env", "database",
            "logging", "metrics", "tracing", "endpoint", "queue", "topic", "grpc", "http2", "tls", "ca_cert",
            "mode", "strategy", "weight", "priority", "owner", "team", "zone", "bucket", "schema", "dsn", "clé",
            "größe", "名前", "ключ", "\uD83D\uDD11");

    private static final List<String> PLAIN = List.of("hello", "hello world", "db.internal", "localhost",
            "http://example.com:8080/path?q=1&r=2#frag", "https://x.y/z", "a#b", "x:y", "key:value:more",
            "/var/log/app.log", "C:/temp", "30s", "10MB", "1h30m", "-x", "-1x", "v1.2.3", "1.2.3", "0755", "0x1F",
            "1_000", ".inf", "-.inf", ".nan", "+1", "yes", "no", "on", "off", "Yes", "NO", "True", "FALSE", "y",
            "n", "nULL", "nil", "none", "2026-12-07", "12:30:45", "1e", "e1", "0.", "--", "a - b", "a -b",
            "a, b", "a'b", "a\"b", "100%", "50 %", "user@example.com", "~x",
            "x~", "é", "naïve café", "日本語のテキスト", "emoji \uD83D\uDE00 inside", "\uD83D\uDE80", "\uD83C\uDF89 party",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "tab\tinside", "trailing tab\t", "a  b   c", "?x", "a?b", "x!", "x&y", "x*", "x|", "x>",
            "x%", "x@", "x`");

    /** Texts that cannot start a plain scalar (an indicator first): refused, or read as something else. */
    private static final List<String> ODD = List.of("!x", "&x", "*x", "|x", ">x", "%x", "@x", "`x", "[not] a list",
            "{not} a map", "-", "- x", "x: y", "x #y");

    private static final List<String> NUMBERS = List.of("0", "1", "-1", "8080", "65535", "0.5", "-0.25",
            "1.10", "3.14159", "1e3", "1E-3", "-2.5e+10", "12345678901234567890", "0.0", "-0");

    private static final List<String> ESCAPES = List.of("\\0", "\\a", "\\b", "\\t", "\\n", "\\v", "\\f", "\\r",
            "\\e", "\\ ", "\\\"", "\\\\", "\\N", "\\_", "\\L", "\\P", "\\x41", "\\x7e", "\\u00e9", "\\u20AC",
            "\\U0001F600", "\\U0001d518", "\\t\\t");

    /** Characters a mutation inserts: YAML indicators, quotes, space, tab and a line break. */
    private static final String INSERTED = "!@#:-?[]{},'\"|>&*% \t\n";

    private final SplittableRandom random;
    private final StringBuilder out = new StringBuilder();
    private int deepBudget;
    /** Whether this document may use {@code \/} (see {@link YamlOracle#SLASH_ESCAPE_REFUSED}). */
    private boolean slashEscapes;

    private YamlCorpus(SplittableRandom random) {
        this.random = random;
    }

    /**
     * @param seed  the corpus seed
     * @param index the document's number
     * @return the generated document (usually valid YAML with a mapping root)
     */
    static String generate(long seed, int index) {
        return new YamlCorpus(random(seed, index)).document();
    }

    /**
     * @param seed  the corpus seed
     * @param index the document's number
     * @return a generated document with one to three random edits
     */
    static String mutate(long seed, int index) {
        SplittableRandom r = random(seed ^ 0x5DEECE66DL, index);
        String doc = new YamlCorpus(r.split()).document();
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits; i++) {
            doc = mutateOnce(doc, r);
        }
        return doc;
    }

    private static SplittableRandom random(long seed, int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private String document() {
        deepBudget = chance(3) ? 50 : 0;
        slashEscapes = chance(5);
        if (chance(5)) {
            out.append('\uFEFF');
        }
        int header = random.nextInt(10);
        if (header == 0) {
            out.append("---\n");
        } else if (header == 1) {
            out.append("--- # config\n");
        } else if (header == 2) {
            out.append("%YAML 1.2\n---\n");
        } else if (header == 3) {
            out.append("# leading comment\n\n");
        }
        if (chance(2)) {
            out.append(chance(50) ? "" : "# nothing but a comment\n");
        } else if (header == 0 && chance(30)) {
            out.setLength(out.length() - 1);
            out.append(' '); // content on the "---" line: a flow mapping as the root
            flow(2, 0, true);
            out.append('\n');
        } else {
            mapping(0, 1, false);
        }
        if (chance(8)) {
            out.append("...\n");
        }
        if (chance(5)) {
            out.append("# trailing comment");
            if (chance(50)) {
                out.append('\n');
            }
        }
        String doc = out.toString();
        if (chance(15)) {
            doc = doc.replace("\n", "\r\n");
        }
        return doc;
    }

    /**
     * A block mapping whose keys sit at column {@code indent}.
     *
     * @param inline whether the cursor is already at the first key's column (after {@code "- "})
     */
    private void mapping(int indent, int depth, boolean inline) {
        int entries = deepBudget > 0 ? 1 + random.nextInt(2) : 1 + random.nextInt(depth == 1 ? 8 : 5);
        Set<String> used = new HashSet<>();
        String dottedPrefix = null;
        for (int i = 0; i < entries; i++) {
            if (!(inline && i == 0)) {
                decorations(indent);
                out.append(" ".repeat(indent));
            }
            String key;
            int kind = random.nextInt(100);
            if (kind < 8) {
                // a dotted path key; sometimes a second one sharing the prefix, which merges with the first
                String prefix = dottedPrefix != null && chance(50) ? dottedPrefix : fresh(used);
                dottedPrefix = prefix;
                used.add(prefix);
                key = prefix + "." + pick(WORDS).replace(".", "") + i + (chance(30) ? ".leaf" : "");
            } else if (kind < 16) {
                key = quotedKey(used);
            } else if (kind < 20) {
                String k = pick(List.of("8080", "true", "false", "null", "~", "-1", "0755", "yes", "on"));
                key = used.add(k) ? k : fresh(used);
            } else {
                key = fresh(used);
            }
            out.append(key);
            value(indent, depth);
        }
    }

    /** A quoted key: spaces, dots (one literal key), escapes, unicode. */
    private String quotedKey(Set<String> used) {
        String base = fresh(used);
        return switch (random.nextInt(5)) {
            case 0 -> "\"" + base + " with spaces\"";
            case 1 -> "'" + base + ".example.com'";
            case 2 -> "'" + base + "''s'";
            case 3 -> "\"" + base + "\\u00e9\\t\"";
            default -> "\"" + base + " \uD83D\uDE00\"";
        };
    }

    private String fresh(Set<String> used) {
        String k = pick(WORDS);
        while (!used.add(k)) {
            k = pick(WORDS) + "_" + random.nextInt(1000);
        }
        return k;
    }

    /** Writes {@code ":"} and the value of a key at column {@code indent}, through the end of its last line. */
    private void value(int indent, int depth) {
        int width = random.nextInt(100) < 70 ? 2 : 1 + random.nextInt(6);
        if (deepBudget > 0) {
            deepBudget--;
            out.append(":\n");
            mapping(indent + width, depth + 1, false);
            return;
        }
        int kind = random.nextInt(100);
        boolean nest = depth < 6;
        if (kind < 30 || !nest && kind < 60) {
            out.append(':').append(random.nextInt(400) == 0 ? "\t" : " ").append(plainScalar());
            endLine(true);
        } else if (kind < 36) {
            out.append(':');
            if (chance(30)) {
                out.append(chance(50) ? " " : "  ");
            }
            endLine();
        } else if (kind < 40) {
            out.append(": ").append(pick(List.of("~", "null", "Null", "NULL", "''", "\"\"")));
            endLine();
        } else if (kind < 48) {
            out.append(": ").append(singleQuoted(indent));
            endLine();
        } else if (kind < 58) {
            out.append(": ").append(doubleQuoted(indent));
            endLine();
        } else if (kind < 66) {
            out.append(": ");
            blockScalar(indent, indent + width, true);
        } else if (kind < 72) {
            out.append(": ");
            flow(indent + width, 0);
            endLine();
        } else if (kind < 74) {
            out.append(": ").append(multiLinePlain(indent + width));
            endLine();
        } else if (kind < 86) {
            out.append(':');
            endLine();
            mapping(indent + width, depth + 1, false);
        } else {
            out.append(':');
            endLine();
            // a sequence is indented under its key, or not ("key:\n- a")
            sequence(chance(40) ? indent : indent + width, depth + 1, false);
        }
    }

    /** A block sequence whose dashes sit at column {@code indent}. */
    private void sequence(int indent, int depth, boolean inline) {
        int items = 1 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            if (!(inline && i == 0)) {
                decorations(indent);
                out.append(" ".repeat(indent));
            }
            out.append('-');
            int kind = random.nextInt(100);
            boolean nest = depth < 6;
            if (kind < 35 || !nest && kind < 60) {
                out.append(' ').append(plainScalar());
                endLine(true);
            } else if (kind < 40) {
                endLine(); // an empty item: null
            } else if (kind < 48) {
                out.append(' ').append(chance(50) ? singleQuoted(indent) : doubleQuoted(indent));
                endLine();
            } else if (kind < 55) {
                out.append(' ');
                blockScalar(indent, indent + 2, false);
            } else if (kind < 62) {
                out.append(' ');
                flow(indent + 2, 0);
                endLine();
            } else if (kind < 80) {
                out.append(' '); // compact mapping: "- a: 1\n  b: 2"
                mapping(indent + 2, depth + 1, true);
            } else if (kind < 88) {
                out.append(' '); // compact nested sequence: "- - x"
                sequence(indent + 2, depth + 1, true);
            } else {
                endLine(); // the item's content on the next lines
                if (chance(50)) {
                    mapping(indent + 2, depth + 1, false);
                } else {
                    sequence(indent + 2, depth + 1, false);
                }
            }
        }
    }

    /** Blank lines and comment lines before an entry, at various indentations. */
    private void decorations(int indent) {
        if (chance(10)) {
            out.append(chance(20) ? "   " : "").append('\n');
        }
        if (chance(10)) {
            out.append(" ".repeat(random.nextInt(indent + 3))).append("# ").append(pick(PLAIN).replace("\t", " "))
                    .append('\n');
        }
    }

    /** Ends the current line, sometimes with a comment or trailing spaces. */
    private void endLine() {
        endLine(false);
    }

    /**
     * @param afterScalar whether the line ends with a plain scalar, after which a tab may separate a comment
     *                    (after a quoted scalar, a flow collection or an indicator, SnakeYAML refuses such a tab,
     *                    and most documents would be refused)
     */
    private void endLine(boolean afterScalar) {
        int k = random.nextInt(100);
        if (k < 10) {
            out.append(" # ").append(pick(WORDS));
        } else if (k < 12 && afterScalar) {
            out.append("\t# tab before the comment");
        } else if (k < 14) {
            out.append("   ");
        }
        out.append('\n');
    }

    private String plainScalar() {
        int k = random.nextInt(100);
        if (k < 30) {
            return pick(NUMBERS);
        }
        if (k < 38) {
            return pick(List.of("true", "false"));
        }
        if (k < 41) {
            return "x".repeat(100 + random.nextInt(2000)); // a long line
        }
        if (random.nextInt(300) == 0) {
            return pick(ODD);
        }
        return pick(PLAIN);
    }

    /** A plain scalar continued on more-indented lines (folded into one line with spaces), maybe an empty line. */
    private String multiLinePlain(int indent) {
        StringBuilder s = new StringBuilder("first part");
        int lines = 1 + random.nextInt(3);
        for (int i = 0; i < lines; i++) {
            if (chance(30)) {
                s.append('\n');
            }
            s.append('\n').append(" ".repeat(indent)).append("continued ").append(i);
        }
        return s.toString();
    }

    private String singleQuoted(int indent) {
        StringBuilder s = new StringBuilder("'");
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            int k = random.nextInt(10);
            if (k < 2) {
                s.append("it''s");
            } else if (k < 3 && i > 0) {
                s.append('\n').append(chance(30) ? "\n" : "").append(" ".repeat(indent + 1 + random.nextInt(3)));
            } else if (k < 4) {
                s.append(" # not a comment: ok ");
            } else {
                s.append(pick(PLAIN).replace("'", "''"));
            }
        }
        return s.append('\'').toString();
    }

    private String doubleQuoted(int indent) {
        StringBuilder s = new StringBuilder("\"");
        int parts = 1 + random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            int k = random.nextInt(20);
            if (k < 6) {
                s.append(pick(ESCAPES));
            } else if (k < 7 && slashEscapes) {
                s.append("\\/"); // YAML 1.2 allows it; see YamlOracle.SLASH_ESCAPE_REFUSED
            } else if (k < 9 && i > 0) {
                s.append("\\\n").append(" ".repeat(indent + 1 + random.nextInt(3))); // line continuation
            } else if (k < 11 && i > 0) {
                s.append('\n').append(chance(40) ? "\n" : "").append(" ".repeat(indent + 1 + random.nextInt(3)));
            } else {
                s.append(pick(PLAIN).replace("\\", "\\\\").replace("\"", "\\\""));
            }
        }
        return s.append('"').toString();
    }

    /**
     * A literal or folded block scalar; the cursor is after {@code ": "} or {@code "- "}.
     *
     * @param parent  the column of the parent mapping's keys (or of the dash)
     * @param content the column of the content lines
     * @param allowIndicator whether an explicit indentation indicator may be written (mapping values only)
     */
    private void blockScalar(int parent, int content, boolean allowIndicator) {
        out.append(chance(50) ? '|' : '>');
        int chomp = random.nextInt(3);
        String chompText = chomp == 0 ? "" : chomp == 1 ? "-" : "+";
        if (allowIndicator && content > parent && content - parent <= 9 && chance(20)) {
            String indicator = Integer.toString(content - parent);
            out.append(chance(50) ? indicator + chompText : chompText + indicator);
        } else {
            out.append(chompText);
        }
        if (chance(15)) {
            out.append(" # comment after the header");
        }
        out.append('\n');
        if (chance(10)) {
            out.append('\n'); // leading empty line
        }
        int lines = 1 + random.nextInt(4);
        for (int i = 0; i < lines; i++) {
            out.append(" ".repeat(content));
            if (i > 0 && chance(15)) {
                out.append("  more indented");
            } else {
                out.append(pick(PLAIN)).append(chance(10) ? "  # kept as text" : "");
            }
            out.append('\n');
            if (chance(10)) {
                out.append('\n');
            }
        }
        if (chance(20)) {
            out.append("\n\n"); // trailing empty lines: chomping decides
        }
    }

    /**
     * A flow collection; multi-line ones put their items on lines at column {@code indent} (more than the key's).
     */
    private void flow(int indent, int depth) {
        flow(indent, depth, chance(45));
    }

    private void flow(int indent, int depth, boolean map) {
        boolean multiLine = depth == 0 && chance(25);
        int items = random.nextInt(depth > 2 ? 2 : 5);
        out.append(map ? '{' : '[');
        Set<String> used = new HashSet<>();
        for (int i = 0; i < items; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(multiLine ? "\n" + " ".repeat(indent) : i > 0 ? " " : "");
            if (map) {
                String key = fresh(used);
                out.append(chance(20) ? "\"" + key + "\"" : key).append(": ");
            } else if (chance(8)) {
                out.append(fresh(used)).append(": "); // a single-pair mapping: [a: 1]
            }
            int k = random.nextInt(100);
            if (k < 15 && depth < 4) {
                flow(indent, depth + 1);
            } else if (k < 45) {
                out.append(pick(NUMBERS));
            } else if (k < 55) {
                out.append(pick(List.of("true", "false", "null", "~")));
            } else if (k < 70) {
                out.append('"').append(pick(ESCAPES)).append(" x, [y]\"");
            } else if (k < 75) {
                out.append("'a, b: c'");
            } else {
                out.append(pick(List.of("word", "two words", "db.internal", "x:y", "a#b", "é", "\uD83D\uDE00",
                        "http://h/p", "-x", "v1.2")));
            }
        }
        if (items > 0 && chance(15)) {
            out.append(','); // trailing comma
        }
        out.append(multiLine ? "\n" + " ".repeat(Math.max(0, indent - 1)) : "").append(map ? '}' : ']');
    }

    /** One small random edit; see the class comment. */
    private static String mutateOnce(String doc, SplittableRandom r) {
        if (doc.isEmpty()) {
            return "a: 1\n";
        }
        int at = r.nextInt(doc.length());
        // never split a surrogate pair or a CRLF: the edit should be a YAML edit, not an encoding one
        if (at > 0 && Character.isLowSurrogate(doc.charAt(at)) || at > 0 && doc.charAt(at) == '\n'
                && doc.charAt(at - 1) == '\r') {
            at--;
        }
        int lineStart = doc.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        if (at == 0) {
            lineStart = 0;
        }
        int lineEnd = doc.indexOf('\n', at);
        lineEnd = lineEnd < 0 ? doc.length() : lineEnd + 1;
        String line = doc.substring(lineStart, lineEnd);
        String before = doc.substring(0, at);
        String after = doc.substring(at);
        return switch (r.nextInt(17)) {
            case 0 -> before + after.substring(Character.charCount(after.codePointAt(0))); // delete a character
            case 1 -> before + INSERTED.charAt(r.nextInt(INSERTED.length())) + after; // insert a character
            case 2 -> before + after.substring(0, Character.charCount(after.codePointAt(0))) + after; // duplicate one
            case 3 -> doc.substring(0, lineStart) + doc.substring(lineEnd); // delete a line
            case 4 -> doc.substring(0, lineEnd) + line + doc.substring(lineEnd); // duplicate a line
            case 5 -> doc.substring(0, lineStart) + " " + doc.substring(lineStart); // indent by one more
            case 6 -> doc.substring(0, lineStart) + (line.startsWith(" ") ? doc.substring(lineStart + 1)
                    : doc.substring(lineStart)); // indent by one less
            case 7 -> doc.substring(0, lineStart) + "\t" + doc.substring(lineStart); // a tab at the line start
            case 8 -> before + "&a " + after;
            case 9 -> before + "*a" + after;
            case 10 -> before + (r.nextBoolean() ? "!!int " : "!!str ") + after;
            case 11 -> doc.substring(0, lineStart) + "? " + doc.substring(lineStart);
            case 12 -> doc.substring(0, lineStart) + (r.nextBoolean() ? "---\n" : "--- x: 1\n")
                    + doc.substring(lineStart);
            case 13 -> before + (r.nextBoolean() ? "'" : "\"") + after; // an unclosed quote (or a closed one)
            case 14 -> before + (r.nextBoolean() ? "[" : "{") + after; // an unclosed bracket
            case 15 -> before + (char) new int[] {0, 1, 7, 8, 0x1b, 0x7f, 0x85, 0x9f, 0xfffe}[r.nextInt(9)] + after;
            default -> doc.substring(0, lineStart) + "extra.key: [1, 2]\n" + doc.substring(lineStart);
        };
    }
}
