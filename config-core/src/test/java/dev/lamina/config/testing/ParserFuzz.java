package dev.lamina.config.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.lamina.config.Format;

/**
 * Builds mutated documents for the parser fuzz tests: a small valid seed per format, then one to four mutations
 * drawn from a seeded {@link Random} (byte flips, deletions, insertions of tokens that mean something to some parser,
 * repeated ranges that grow nesting or size, truncation, splices of another format's seed, long runs). The same seed
 * gives the same documents, so any failure can be replayed.
 */
public final class ParserFuzz {

    /** Every format a configuration file may have. */
    public static final List<Format> FORMATS = List.of(Format.YAML, Format.JSON, Format.TOML, Format.XML,
            Format.PROPERTIES, Format.ENV);

    /** Mutated documents never grow beyond this, so the fuzzer tests parsing, not the machine's memory. */
    private static final int MAX_BYTES = 3 * 1024 * 1024;

    private static final String YAML = """
            # service
            server:
              host: localhost
              port: 8080
              tls: {enabled: true, ciphers: [a, "b c"]}
            db.pool.max_size: 10
            "quoted.key": 'single'
            banner: |
              hello ${USER:-you}
              second line $${literal}
            folded: >
              one
              two
            list:
              - name: a
                weight: 1.5
              - "caf\\u00e9 ${ref:server.host}"
            empty:
            """;

    private static final String JSON = """
            {"server": {"host": "localhost", "port": 8080, "tls": {"enabled": true, "ciphers": ["a", "b"]}},
             "db.pool": {"max_size": 10}, "banner": "hello ${USER:-you}\\n\\u00e9",
             "list": [{"name": "a", "weight": 1.5}, null, [1, [2, [3]]]], "ref": "${ref:server.host}"}
            """;

    private static final String TOML = """
            # service
            title = "demo ${USER:-you}"
            [server]
            host = "localhost"
            port = 8_080
            tls = { enabled = true, ciphers = ["a", 'b'] }
            [db.pool]
            max_size = 10
            "quoted.key" = 1979-05-27T07:32:00Z
            [[list]]
            name = "a"
            weight = 1.5
            [[list]]
            name = \"\"\"multi
            line\"\"\"
            """;

    private static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- service -->
            <config>
              <server host="localhost"><port>8080</port><tls enabled="true"/></server>
              <broker>a</broker><broker>b ${USER:-you}</broker>
              <timeout unit="s">30</timeout>
              <banner><![CDATA[hello <world>]]></banner>
            </config>
            """;

    private static final String PROPERTIES = """
            # service
            server.host=localhost
            server.port : 8080
            server.tls.enabled true
            hosts.0=a
            hosts.1=b
            banner=hello ${USER:-you} \\
                continued
            a."b.c"=\\u00e9
            """;

    private static final String ENV = """
            # service
            SERVER_HOST=localhost
            SERVER_PORT=8080
            export DB_POOL__MAX_SIZE=10
            BANNER="hello ${USER:-you}\\n"
            RAW='single $quoted'
            EMPTY=
            """;

    private static final String[] TOKENS = {
        "${", "}", "$${", "${ref:", "${ref:server.port}", "${file:missing.txt}", "${NOPE}", "${X:?boom}", "$",
        "&a ", "*a", "<<: ", "!!binary ", "!custom ", "---\n", "...\n", "? ", "- ", "|", ">", "|-\n", "%YAML 1.2\n",
        "{", "}", "[", "]", "[[", "]]", "\"", "'", "\"\"\"", "'''", "\\", "\\u0000", "\\ud800", "\\uDC00", "\\U0010FFFF",
        "\t", "\r", "\n", "\r\n", ":", ": ", " = ", "=", "#", ",", ".", "..", "a.b.c", "\"a.b\"", "export ",
        "<!DOCTYPE x [<!ENTITY e \"e\">]>", "&e;", "&amp;", "<a>", "</a>", "<a b=\"1\">", "<b/>", "<?pi x?>",
        "<![CDATA[", "]]>", "<!--", "-->", "\u0000", "\u0001", "\u007f", "\uFEFF", "\u00e9", "\uD83D\uDE00",
        "1e999999", "0x1F", "-0", "99999999999999999999999", "nan", "inf", "1979-05-27T07:32:00Z", "2100-02-29",
        "null", "~", "true", "NO", "0755", "1.10", "  ", "        ",
    };

    private ParserFuzz() {
    }

    /**
     * A mutated document.
     *
     * @param bytes     the document
     * @param mutations what was done to the seed, for replaying a failure by eye
     */
    public record Mutant(byte[] bytes, List<String> mutations) {
    }

    /** @return the file extension of a format */
    public static String extension(Format format) {
        return switch (format) {
            case YAML -> "yaml";
            case JSON -> "json";
            case TOML -> "toml";
            case XML -> "xml";
            case PROPERTIES -> "properties";
            case ENV -> "env";
        };
    }

    /** @return the valid seed document of a format */
    public static String seed(Format format) {
        return switch (format) {
            case YAML -> YAML;
            case JSON -> JSON;
            case TOML -> TOML;
            case XML -> XML;
            case PROPERTIES -> PROPERTIES;
            case ENV -> ENV;
        };
    }

    /**
     * @param format the format whose seed is mutated
     * @param random the seeded source of every choice
     * @return the seed with one to four mutations (about one document in twenty is left unmutated)
     */
    public static Mutant mutant(Format format, Random random) {
        byte[] doc = seed(format).getBytes(StandardCharsets.UTF_8);
        List<String> done = new ArrayList<>();
        int count = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            doc = mutate(doc, random, done);
        }
        return new Mutant(doc, List.copyOf(done));
    }

    private static byte[] mutate(byte[] doc, Random r, List<String> done) {
        int n = doc.length;
        int at = n == 0 ? 0 : r.nextInt(n + 1);
        switch (r.nextInt(9)) {
            case 0 -> {
                if (n == 0) {
                    return doc;
                }
                int i = Math.min(at, n - 1);
                byte b = (byte) r.nextInt(256);
                done.add("set byte " + i + " to " + (b & 0xFF));
                byte[] out = doc.clone();
                out[i] = b;
                return out;
            }
            case 1 -> {
                int len = Math.min(n - at, 1 + r.nextInt(40));
                done.add("delete " + len + " at " + at);
                return splice(doc, at, len, new byte[0]);
            }
            case 2, 3 -> {
                String token = TOKENS[r.nextInt(TOKENS.length)];
                done.add("insert token at " + at);
                return splice(doc, at, 0, token.getBytes(StandardCharsets.UTF_8));
            }
            case 4 -> {
                int len = Math.min(n - at, 1 + r.nextInt(30));
                int times = 2 + r.nextInt(r.nextInt(8) == 0 ? 3000 : 10);
                byte[] range = java.util.Arrays.copyOfRange(doc, at, at + len);
                if ((long) range.length * times + n > MAX_BYTES) {
                    return doc;
                }
                done.add("repeat " + len + " bytes at " + at + " x" + times);
                ByteArrayOutputStream rep = new ByteArrayOutputStream();
                for (int i = 0; i < times; i++) {
                    rep.writeBytes(range);
                }
                return splice(doc, at, 0, rep.toByteArray());
            }
            case 5 -> {
                done.add("truncate at " + at);
                return java.util.Arrays.copyOf(doc, at);
            }
            case 6 -> {
                Format other = FORMATS.get(r.nextInt(FORMATS.size()));
                byte[] s = seed(other).getBytes(StandardCharsets.UTF_8);
                int from = r.nextInt(s.length);
                int len = Math.min(s.length - from, 1 + r.nextInt(80));
                done.add("splice " + len + " bytes of the " + other + " seed at " + at);
                return splice(doc, at, 0, java.util.Arrays.copyOfRange(s, from, from + len));
            }
            case 7 -> {
                String open = new String[] {"[", "{", "a: ", "- ", "<a>", "a.", "{a=", "[a", "\"", "${"}[r.nextInt(10)];
                int times = 1 + r.nextInt(r.nextInt(8) == 0 ? 5000 : 50);
                done.add("insert " + times + " x an opener at " + at);
                return splice(doc, at, 0, open.repeat(times).getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                int len = r.nextInt(8) == 0 ? 1 + r.nextInt(1_200_000) : 1 + r.nextInt(1000);
                String chars = "x 9\\\"'$.é";
                char c = chars.charAt(r.nextInt(chars.length()));
                done.add("insert " + len + " x a character at " + at);
                return splice(doc, at, 0, String.valueOf(c).repeat(len).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] splice(byte[] doc, int at, int remove, byte[] insert) {
        byte[] out = new byte[doc.length - remove + insert.length];
        System.arraycopy(doc, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(doc, at + remove, out, at + insert.length, doc.length - at - remove);
        return out;
    }
}
