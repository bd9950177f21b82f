package dev.lamina.config.internal.secret;

import java.util.Map;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.SecretPolicy;

/**
 * The {@code toString} of a bare node. A node does not know its path (subtrees are shared between layers and
 * snapshots), the snapshot's policy, nor whether a decoder decrypted it, so it cannot tell a secret from an
 * ordinary value: it shows its structure, keys and origin and masks every scalar. The values are shown, with only
 * the secrets masked, by the configuration that holds the node ({@code Configuration.toString()},
 * {@code ConfigRenderer}). Stateless.
 */
public final class NodeText {

    /** Beyond this many characters the text is cut, so that logging a large tree stays cheap. */
    static final int MAX_LENGTH = 2_000;

    private NodeText() {
    }

    /**
     * @param type a name for the node's type ({@code ConfigObject})
     * @param node the node
     * @return its masked text: {@code ConfigObject{db={host=***, port=***}} (base.yaml:1:1)}
     */
    public static String of(String type, ConfigNode node) {
        StringBuilder sb = new StringBuilder(type);
        append(node, sb);
        if (sb.length() > MAX_LENGTH) {
            sb.setLength(MAX_LENGTH);
            sb.append("…");
        }
        return sb.append(" (").append(node.origin()).append(')').toString();
    }

    private static void append(ConfigNode node, StringBuilder sb) {
        if (sb.length() > MAX_LENGTH) {
            return;
        }
        if (node instanceof ConfigObject o) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                sb.append(first ? "" : ", ").append(e.getKey()).append('=');
                first = false;
                append(e.getValue(), sb);
                if (sb.length() > MAX_LENGTH) {
                    return;
                }
            }
            sb.append('}');
        } else if (node instanceof ConfigList l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                append(l.items().get(i), sb);
                if (sb.length() > MAX_LENGTH) {
                    return;
                }
            }
            sb.append(']');
        } else if (node instanceof ConfigNull) {
            sb.append("null");
        } else if (node instanceof ConfigScalar) {
            sb.append(SecretPolicy.MASK);
        }
    }
}
