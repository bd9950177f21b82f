package dev.lamina.config.kubernetes.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The name suffix kustomize's {@code configMapGenerator} / {@code secretGenerator} append ({@code api/hasher}):
 * the SHA-256 of a Go {@code encoding/json} text of {@code {kind, name, data[, binaryData]}} (ConfigMap) or
 * {@code {kind, type, name, data[, stringData]}} (Secret), first 10 hex digits with {@code 0→g 1→h 3→k a→m e→t}.
 * A missing {@code data} (or name, or type) is {@code ""}. Stateless.
 */
public final class KustomizeHash {

    private KustomizeHash() {
    }

    /**
     * @param name       {@code metadata.name}, or {@code null} when absent
     * @param data       the {@code data} map (values {@link String} or {@link Number}), or {@code null} when absent
     * @param binaryData the {@code binaryData} map, or {@code null} when absent
     * @return the 10-character suffix
     */
    public static String configMap(String name, Map<String, ?> data, Map<String, ?> binaryData) {
        Map<String, Object> m = new TreeMap<>();
        m.put("kind", "ConfigMap");
        m.put("name", name == null ? "" : name);
        m.put("data", data == null ? "" : data);
        if (binaryData != null) {
            m.put("binaryData", binaryData);
        }
        return suffix(goJson(m));
    }

    /**
     * @param name       {@code metadata.name}, or {@code null}
     * @param type       the Secret's {@code type}, or {@code null}
     * @param data       the {@code data} map (base64 values as written), or {@code null}
     * @param stringData the {@code stringData} map, or {@code null}
     * @return the 10-character suffix
     */
    public static String secret(String name, String type, Map<String, ?> data, Map<String, ?> stringData) {
        Map<String, Object> m = new TreeMap<>();
        m.put("kind", "Secret");
        m.put("type", type == null ? "" : type);
        m.put("name", name == null ? "" : name);
        m.put("data", data == null ? "" : data);
        if (stringData != null) {
            m.put("stringData", stringData);
        }
        return suffix(goJson(m));
    }

    /**
     * @param encoded the JSON text kustomize hashes
     * @return its suffix
     */
    public static String suffix(String encoded) {
        String hex = hex256(encoded);
        StringBuilder sb = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            char c = hex.charAt(i);
            sb.append(switch (c) {
                case '0' -> 'g';
                case '1' -> 'h';
                case '3' -> 'k';
                case 'a' -> 'm';
                case 'e' -> 't';
                default -> c;
            });
        }
        return sb.toString();
    }

    /**
     * @param s text, hashed as UTF-8
     * @return its SHA-256, lower-case hex
     */
    public static String hex256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(64);
            for (byte b : d) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * Go's {@code json.Marshal} of maps, strings and numbers: keys sorted, no spaces, {@code < > &} and U+2028/U+2029
     * escaped, other non-ASCII text as is.
     *
     * @param value a {@link Map}, {@link String}, {@link Number} or {@code null}
     * @return the JSON text
     */
    public static String goJson(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Number n) {
            sb.append(n);
        } else if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted(map).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, e.getKey());
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else {
            throw new IllegalArgumentException("cannot encode a " + v.getClass().getSimpleName());
        }
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        // Go sorts map keys by their UTF-8 bytes; for strings without surrogates that is code-point order.
        Map<String, Object> out = new TreeMap<>(KustomizeHash::compareCodePoints);
        map.forEach((k, val) -> out.put(String.valueOf(k), val));
        return out;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
