package dev.lamina.config.internal.render;

import java.util.Map;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ScalarType;

/**
 * Block-style YAML with two-space indentation; list items of objects start on the dash line
 * ({@code - name: a}). Origins are trailing {@code # source:line:column} comments.
 */
final class YamlWriter {

    private final RenderedValues values;
    private final boolean origins;
    private final StringBuilder out = new StringBuilder(4096);

    YamlWriter(RenderedValues values, boolean origins) {
        this.values = values;
        this.origins = origins;
    }

    String write(ConfigNode node, ConfigPath at) {
        if (isNonEmptyContainer(node)) {
            block(node, at, 0, false);
        } else {
            out.append(inline(node, at));
            comment(node);
            out.append('\n');
        }
        return out.toString();
    }

    /** Writes a non-empty object or list whose first line may continue a {@code - } already written. */
    private void block(ConfigNode node, ConfigPath path, int indent, boolean continuesLine) {
        boolean first = true;
        if (node instanceof ConfigObject object) {
            for (Map.Entry<String, ConfigNode> e : object.entries().entrySet()) {
                if (!(first && continuesLine)) {
                    indent(indent);
                }
                first = false;
                out.append(YamlText.key(e.getKey())).append(':');
                member(e.getValue(), path.child(e.getKey()), indent);
            }
        } else {
            ConfigList list = (ConfigList) node;
            for (int i = 0; i < list.size(); i++) {
                ConfigNode item = list.items().get(i);
                if (!(first && continuesLine)) {
                    indent(indent);
                }
                first = false;
                out.append('-');
                ConfigPath itemPath = path.child(i);
                if (isNonEmptyContainer(item)) {
                    // "- key: v" / "- - v": the nested block continues on the dash line.
                    out.append(' ');
                    block(item, itemPath, indent + 2, true);
                } else {
                    out.append(' ').append(inline(item, itemPath));
                    comment(item);
                    out.append('\n');
                }
            }
        }
    }

    /** After {@code key:} has been written. */
    private void member(ConfigNode value, ConfigPath path, int indent) {
        if (isNonEmptyContainer(value)) {
            comment(value);
            out.append('\n');
            block(value, path, indent + 2, false);
        } else {
            out.append(' ').append(inline(value, path));
            comment(value);
            out.append('\n');
        }
    }

    private String inline(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigScalar scalar) {
            RenderedValues.Shown shown = values.show(path, scalar);
            return shown.type() == ScalarType.STRING ? YamlText.string(shown.text()) : shown.text();
        }
        if (node instanceof ConfigNull) {
            return "null";
        }
        return node instanceof ConfigObject ? "{}" : "[]";
    }

    private void comment(ConfigNode node) {
        if (origins) {
            String text = RenderedValues.originText(node.origin());
            if (text != null) {
                out.append("  # ").append(text);
            }
        }
    }

    private void indent(int n) {
        out.append(" ".repeat(n));
    }

    private static boolean isNonEmptyContainer(ConfigNode node) {
        return node instanceof ConfigObject o && !o.isEmpty() || node instanceof ConfigList l && l.size() > 0;
    }
}
