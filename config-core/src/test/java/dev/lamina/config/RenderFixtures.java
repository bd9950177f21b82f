package dev.lamina.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small trees for the renderer tests, built by hand so they do not depend on any parser. */
final class RenderFixtures {

    private RenderFixtures() {
    }

    static Origin at(int line, int column) {
        return Origin.of("base.yaml", line, column);
    }

    static ConfigScalar str(String text, int line) {
        return new ConfigScalar(text, ScalarType.STRING, at(line, 3));
    }

    static ConfigScalar num(String text, int line) {
        return new ConfigScalar(text, ScalarType.NUMBER, at(line, 3));
    }

    static ConfigScalar bool(String text, int line) {
        return new ConfigScalar(text, ScalarType.BOOLEAN, at(line, 3));
    }

    static ConfigList list(int line, ConfigNode... items) {
        return new ConfigList(List.of(items), at(line, 1));
    }

    /** @param keysAndValues alternating String keys and ConfigNode values */
    static ConfigObject obj(int line, Object... keysAndValues) {
        Map<String, ConfigNode> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], (ConfigNode) keysAndValues[i + 1]);
        }
        return new ConfigObject(m, at(line, 1));
    }

    /**
     * database: {host: db.internal, port: 5432 (number), port_text: "5432" (string), password: s3cr3t-value,
     * ssl: true, mode: "0755", answer: "NO"}, hosts: [a, b], servers: [{name: x, port: 1}], empty: {}
     */
    static ConfigObject sample() {
        return obj(1,
                "database", obj(1,
                        "host", str("db.internal", 2),
                        "port", num("5432", 3),
                        "port_text", str("5432", 4),
                        "password", str("s3cr3t-value", 5),
                        "ssl", bool("true", 6),
                        "mode", str("0755", 7),
                        "answer", str("NO", 8)),
                "hosts", list(9, str("a", 10), str("b", 11)),
                "servers", list(12, obj(13, "name", str("x", 13), "port", num("1", 14))),
                "empty", obj(15));
    }

    static ConfigRenderer.Options plain() {
        return ConfigRenderer.Options.defaults();
    }

    static ConfigRenderer.Options withOrigins() {
        return ConfigRenderer.Options.defaults().withOrigins(true);
    }
}
