package dev.lamina.config.internal.render;

import java.util.Iterator;
import java.util.Map;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ScalarType;

/**
 * One JSON document, two-space indentation. With origins, every scalar and null becomes
 * {@code {"value": ..., "origin": "source:line:column"}} (origin {@code null} when unknown); containers stay as
 * they are, so {@code jq '.database.port.value'} works.
 */
final class JsonWriter {

    private final RenderedValues values;
    private final boolean origins;
    private final StringBuilder out = new StringBuilder(4096);

    JsonWriter(RenderedValues values, boolean origins) {
        this.values = values;
        this.origins = origins;
    }

    String write(ConfigNode node, ConfigPath at) {
        value(node, at, 0);
        return out.append('\n').toString();
    }

    private void value(ConfigNode node, ConfigPath path, int indent) {
        if (node instanceof ConfigObject object) {
            if (object.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            Iterator<Map.Entry<String, ConfigNode>> it = object.entries().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, ConfigNode> e = it.next();
                indent(indent + 2);
                string(e.getKey());
                out.append(": ");
                value(e.getValue(), path.child(e.getKey()), indent + 2);
                out.append(it.hasNext() ? ",\n" : "\n");
            }
            indent(indent);
            out.append('}');
        } else if (node instanceof ConfigList list) {
            if (list.size() == 0) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                indent(indent + 2);
                value(list.items().get(i), path.child(i), indent + 2);
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            indent(indent);
            out.append(']');
        } else if (origins) {
            out.append("{\"value\": ");
            leaf(node, path);
            out.append(", \"origin\": ");
            String origin = RenderedValues.originText(node.origin());
            if (origin == null) {
                out.append("null");
            } else {
                string(origin);
            }
            out.append('}');
        } else {
            leaf(node, path);
        }
    }

    private void leaf(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigScalar scalar) {
            RenderedValues.Shown shown = values.show(path, scalar);
            if (shown.type() == ScalarType.STRING) {
                string(shown.text());
            } else {
                out.append(shown.text());
            }
        } else {
            out.append("null");
        }
    }

    /** RFC 8259 string with the escapes every JSON reader accepts; U+2028/2029 escaped for JavaScript readers. */
    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void indent(int n) {
        out.append(" ".repeat(n));
    }
}
