package dev.lamina.config.internal.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written YAML documents at the edges of what config files do, for {@link YamlDifferentialTest}: each one is a
 * place where a new reader could plausibly differ from today's (positions of empty values and block scalars,
 * explicit keys, tags on collections, single-pair mappings in flow sequences, limits, control characters).
 */
final class YamlTrickyCases {

    private YamlTrickyCases() {
    }

    /** @return every case, in a fixed order (the index is the case's name in failure messages) */
    static List<String> all() {
        List<String> c = new ArrayList<>(List.of(
                // empty and near-empty documents
                "", "\n", "# only a comment\n", "---\n", "--- \n...\n", "---\n# c\n...\n", "~\n", "null\n",
                "--- ~\n", "''\n", "\"\"\n", "!!str\n", "[]\n", "{}\n", "- a\n", "a\n", "|\n  text\n",
                "%YAML 1.2\n---\na: 1\n", "%YAML 1.1\n---\na: 1\n", "%YAML 2.0\n---\na: 1\n", "%TAG ! tag:x,2000:\n---\na: 1\n",
                "a: 1\n---\nb: 2\n", "a: 1\n...\n", "a: 1\n...\n---\nb: 2\n", "a: 1\n...\nb: 2\n", "---\n---\n",
                "--- a: 1\n", "---\na: 1\n", "\uFEFFa: 1\n", "\uFEFF---\na: 1\n", "a: 1\r\nb:\r\n  c: x\r\n",
                "a: |\r\n  x\r\n  y\r\nb: 2\r\n",
                // empty values, nulls, typing
                "a:\n", "a:\nb:\n", "a:   \nb: 1\n", "a: # c\nb: 1\n", "a: ~\nb: null\nc: Null\nd: NULL\ne: nULL\n",
                "a: ''\nb: \"\"\n", "a: !!str\nb: !!str ~\nc: !!str 1\n", "- \n", "a:\n  -\n  - \n  - x\n",
                "a: true\nb: false\nc: True\nd: yes\ne: on\nf: NO\n",
                "a: 0\nb: -0\nc: 1.5\nd: -1.5e3\ne: 1E+2\nf: 0755\ng: 0x1F\nh: 1_000\ni: .inf\nj: +1\nk: 1.\nl: .5\n",
                "a: 1e5\nb: 1.10\nc: 00\nd: -\ne: --1\nf: 1.0.0\n",
                "a: " + "9".repeat(100) + "\n", "a: " + "9".repeat(101) + "\n", "a: \"" + "9".repeat(101) + "\"\n",
                // keys
                "8080: x\ntrue: y\nnull: z\n~: w\n1.5: v\n", "'a.b': 1\n\"c.d\": 2\n", "a.b: 1\na.c: 2\n",
                "a.b: 1\na:\n  c: 2\n", "a:\n  c: 2\na.b: 1\n", "a.b: 1\na.b: 2\n", "a: 1\na.b: 2\n", "a.b: 1\na: 5\n",
                "a..b: 1\n", ".a: 1\n", "a.: 1\n", "'a..b': 1\n", "a.b.c.d: 1\na.b.e: 2\n",
                "'a.b': 1\na:\n  b: 2\n", "a:\n  b: 2\n'a.b': 1\n", "'a.b': 1\na.b: 2\n", "'a.0': 1\na:\n- x\n",
                "a: 1\na: 2\n", "a: 1\nb:\n  c: 1\n  c: [\n", "a: 1\n'a': 2\n", "a:\n  x: 1\na:\n  y: 1\n",
                "a:\n  x: 1\na.y: 2\na:\n  z: 3\n",
                "<<: {a: 1}\n", "'<<': 1\n", "a.<<: 1\n", "!!str <<: 1\n",
                ": x\n", "? a\n: 1\n", "? a\n", "? a\n? b\n: 2\n", "? |\n  block key\n: v\n", "? [a]\n: 1\n",
                "? {a: 1}\n: 2\n", "[a]: 1\n", "{a: 1}: 2\n", "? - a\n: 1\n",
                "k" + "x".repeat(1100) + ": 1\n", "'" + "x".repeat(1100) + "': 1\n", "k" + "y".repeat(1020) + ": 1\n",
                "a:\tb\n", "a: 1\t# c\n", "a: \"x\"\t# c\n", "a: 'x'\t# c\n", "a: [x]\t# c\n", "a:\t# c\n", "- x\t# c\n", "a:\t1\nb: 2\n", "a: x\ty\n", "a:\n\tb: 1\n", "a: 1 \t# c\n", "\ta: 1\n", "a:  \t\n",
                // flow collections
                "a: [a: 1]\n", "a: [a: 1, b]\n", "a: [{a: 1}]\n", "a: {a:1}\n", "a: {a: 1,}\n", "a: [1, 2,]\n",
                "a: [1,,2]\n", "a: []\nb: {}\n", "a: [\n  1,\n  2\n]\n", "a: {\n  b: 1,\n  c: [x, y]\n  }\n",
                "a: {b, c: 1}\n", "a: {? b: 1}\n", "a: [? b: 1]\n", "a: [b: ]\n", "a: {b: }\n", "a: {b}\n",
                "a: [\n", "a: {\n", "oops: [", "a: [1, 2\nb: 3\n", "a: {b: 1\n", "a: ]\n", "a: [1]]\n",
                "a: [a, [b, [c, {d: e}]]]\n", "a: {\"b.c\": 1, d.e: 2}\n", "a: [\"x\", 'y', z]\n",
                // tags, anchors, aliases
                "a: !!str [x]\n", "a: !!str {b: 1}\n", "a: !!str\n  - x\n", "a: !!str\n  b: 1\n", "a: !!map {b: 1}\n",
                "a: !!int 1\n", "a: !vault x\n", "a: ! x\n", "a: !<tag:yaml.org,2002:str> x\n", "!!str a: 1\n",
                "!!str a.b: 1\n", "a: &x 1\n", "a: &x\n  b: 1\n", "a: 1\nb: *a\n", "&x a: 1\n", "*x : 1\n",
                "!!map\na: 1\n", "!!str\na: 1\n",
                // block scalars
                "a: |\n  x\n  y\n", "a: >\n  x\n  y\n\n  z\n", "a: |-\n  x\n\n", "a: |+\n  x\n\n\nb: 1\n",
                "a: |2\n    x\n", "a: >-\n  x\n    more\n  y\n", "a: |\n\n\n  x\n", "a: |\nb: 1\n", "a: |\n",
                "a: | # c\n  x\n", "a: >\n \n  x\n", "a:\n  b: |\n      deep\n    x\n", "- |\n  x\n- >\n  y\n",
                "a: |\n  x\n   \n  y\n", "a: |1\n  x\n", "a: |\n x\n  y\n", "a: |\n  x\n y\n", "a: !!str |\n  x\n",
                // quoted scalars
                "a: 'it''s'\n", "a: 'x\n  y\n\n  z'\n", "a: \"x\\\n  y\"\n", "a: \"x\n\n  y\"\n",
                "a: \"\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\\"\\/\\\\\\N\\_\\L\\P\"\n", "a: \"\\x41\\u00e9\\U0001F600\"\n",
                "a: \"\\ud800\"\n", "\"\\ud800\": 1\n", "a: \"\\uD83D\\uDE00\"\n", "a: \"\\q\"\n", "a: \"\\x4\"\n",
                "a: 'unclosed\n", "a: \"unclosed\n", "a: \"x\"y\n", "a: 'x' # c\n",
                // plain scalars
                "a: http://x.y:80/p?q=1#f\n", "a: b#c\n", "a: b # c\n", "a: x:y\n", "a: x: y\n", "a: - x\n",
                "a: multi\n  line\n\n  plain\n", "a: x\n  # not a comment?\n", "a: @x\n", "a: `x\n", "a: %x\n",
                "a: |x\n", "a: -x\n", "a: ?x\n", "a: ,x\n", "a: [x]y\n",
                // unicode and control characters
                "é: ü\n", "\uD83D\uDE00: x\nb: \uD83D\uDE00\uD83D\uDE00 y\n", "a: \uD83D\uDE00\nb: [\uD83D\uDE00, c]\n",
                "a: \uD83D\uDE00\uD83D\uDE00: x\n", "a: x\u0001y\n", "a: 1\na: 2\nb: \u0001\n", "\u0000", "a: \u007f\n",
                "a: \u0085b\n", "a: x\u2028y\nb: 1\n", "a: \"\u0007\"\n", "a: 1\n\u0008\n", "a: \uFFFE\n",
                "a: x\uFEFFy\nb: 1\n",
                // indentation
                "a:\n  b: 1\n c: 2\n", "a:\n  b: 1\n   c: 2\n", "a:\n- x\n- y\nb: 1\n", "a:\n  - x\n  -  y\n",
                "- - x\n  - y\n- z\n", "- a: 1\n  b: 2\n- c: 3\n", "-\n  a: 1\n", "a:\n    b:\n      c: 1\n  d: 2\n",
                "a: 1\n b: 2\n", " a: 1\nb: 2\n", "a:\n- b\n  - c\n", "a: b\n  c: d\n"));
        c.add(deep(50));
        c.add(deep(199));
        c.add(deep(200));
        c.add(deep(201));
        c.add("a: " + "[".repeat(199) + "]".repeat(199) + "\n");
        c.add("a: " + "[".repeat(200) + "]".repeat(200) + "\n");
        c.add(dottedDeep(199) + ": 1\n");
        c.add(dottedDeep(200) + ": 1\n");
        c.add(dottedDeep(201) + ": 1\n");
        c.add("a:\n  " + dottedDeep(199) + ": 1\n");
        c.add("a:\n  " + dottedDeep(198) + ":\n    x: 1\n");
        c.add("a: " + "x".repeat(5000) + "\n");
        c.add("a:\n  k" + "x".repeat(1100) + ": 1\n");
        c.add("a:\n  b: 1\n  '" + "x".repeat(1100) + "': 1\n");
        c.add("a: x\u2028y\u0001\n");
        c.add("a: 1\nb: [x,\n  {c: ");
        return c;
    }

    /** A block mapping nested {@code levels} deep, two spaces per level. */
    static String deep(int levels) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            out.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        return out.append("  ".repeat(levels)).append("leaf: 1\n").toString();
    }

    private static String dottedDeep(int segments) {
        StringBuilder out = new StringBuilder("s0");
        for (int i = 1; i < segments; i++) {
            out.append(".s").append(i);
        }
        return out.toString();
    }
}
