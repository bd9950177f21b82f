package dev.lamina.config.internal.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Harvests the string literals of Java test sources as candidate YAML documents for {@link YamlDifferentialTest}:
 * a rough reader (no Java parser), good enough because any text is a valid input to a differential test.
 */
final class JavaLiterals {

    /** One literal, or several joined by {@code +} across whitespace and line breaks. */
    private static final Pattern CONCATENATION = Pattern.compile(
            "\"((?:[^\"\\\\\n]|\\\\.)*)\"(?:\\s*\\+\\s*\"((?:[^\"\\\\\n]|\\\\.)*)\")*");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\n]|\\\\.)*)\"");

    private JavaLiterals() {
    }

    /**
     * @param root a source folder
     * @return the distinct literals (concatenations joined) holding a ':', in file and position order
     * @throws IOException if a source cannot be read
     */
    static List<String> documents(Path root) throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(root)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        Set<String> out = new LinkedHashSet<>();
        for (Path source : sources) {
            String java = Files.readString(source, StandardCharsets.UTF_8).replace("\"\"\"", "\u0000");
            Matcher m = CONCATENATION.matcher(java);
            while (m.find()) {
                StringBuilder text = new StringBuilder();
                Matcher part = LITERAL.matcher(m.group());
                while (part.find()) {
                    text.append(unescape(part.group(1)));
                }
                if (text.indexOf(":") >= 0) {
                    out.add(text.toString());
                }
            }
        }
        return List.copyOf(out);
    }

    /** Resolves Java escapes (newline, tab, octal, unicode and the others) as the compiler would. */
    static String unescape(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 >= literal.length()) {
                out.append(c);
                continue;
            }
            char e = literal.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 's' -> out.append(' ');
                case 'u' -> {
                    while (i + 1 < literal.length() && literal.charAt(i + 1) == 'u') {
                        i++;
                    }
                    if (i + 4 < literal.length() && literal.substring(i + 1, Math.min(i + 5, literal.length()))
                            .matches("[0-9a-fA-F]{4}")) {
                        out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        out.append("\\u");
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < literal.length() && end < i + 3 && literal.charAt(end) >= '0'
                                && literal.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) Integer.parseInt(literal.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        out.append(e);
                    }
                }
            }
        }
        return out.toString();
    }
}
