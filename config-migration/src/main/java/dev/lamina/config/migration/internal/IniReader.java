package dev.lamina.config.migration.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;

/**
 * Reads INI text (see {@code docs/migration.md}): {@code [section]} headers (a dotted name nests:
 * {@code [db.pool]}), {@code key = value} or {@code key: value}, whole-line comments starting with {@code ;} or
 * {@code #}, and continuation lines (a line indented deeper than its key continues the value, joined with a newline,
 * as Python's configparser does). Keys before the first section are top-level. A section may appear more than once:
 * its keys are added to it. A key repeated within a section is an error naming both lines (configparser's strict
 * mode). Values are kept as written (no unquoting, no inline comments: {@code a = x ; y} is {@code x ; y}).
 * Stateless.
 */
public final class IniReader {

    private IniReader() {
    }

    /**
     * @param source the file name
     * @param text   the text
     * @return the entries, each key prefixed with its section ({@code db.pool.size})
     * @throws ConfigParseException on a malformed header or line, or a repeated key
     */
    public static List<RawEntry> read(String source, String text) {
        List<RawEntry> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String section = "";
        String[] lines = text.split("\r\n|\r|\n", -1);
        int lastIndent = -1;
        int lastIndex = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            int indent = indent(line);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith(";") || trimmed.startsWith("#")) {
                continue;
            }
            if (lastIndex >= 0 && indent > lastIndent) {
                RawEntry prev = out.get(lastIndex);
                String joined = ((ConfigScalar) prev.value()).text() + "\n" + trimmed;
                out.set(lastIndex, new RawEntry(prev.key(), ConfigScalar.string(joined, prev.origin()), prev.origin()));
                continue;
            }
            Origin origin = new Origin(source, lineNo, indent + 1);
            if (trimmed.startsWith("[")) {
                if (!trimmed.endsWith("]") || trimmed.length() < 3) {
                    throw new ConfigParseException(origin, null, "malformed section header; write [name]");
                }
                section = trimmed.substring(1, trimmed.length() - 1).strip();
                if (section.isEmpty()) {
                    throw new ConfigParseException(origin, null, "empty section name; write [name]");
                }
                lastIndex = -1;
                continue;
            }
            int eq = firstSeparator(trimmed);
            if (eq <= 0) {
                throw new ConfigParseException(origin, null, eq == 0 ? "empty key; write key = value"
                        : "expected key = value, key: value, a [section] or a ; comment");
            }
            String key = trimmed.substring(0, eq).strip();
            String value = trimmed.substring(eq + 1).strip();
            String full = section.isEmpty() ? key : section + "." + key;
            Integer first = seen.putIfAbsent(full, lineNo);
            if (first != null) {
                throw new ConfigParseException(origin, null, "key '" + key + "' is repeated in section ["
                        + section + "] (first at line " + first + "); keep one of them");
            }
            out.add(new RawEntry(full, ConfigScalar.string(value, origin), origin));
            lastIndex = out.size() - 1;
            lastIndent = indent;
        }
        return out;
    }

    private static int firstSeparator(String s) {
        int eq = s.indexOf('=');
        int colon = s.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
