package dev.lamina.config.internal.render;

import java.util.Map;
import java.util.regex.Pattern;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;

/**
 * One line per scalar: {@code java.util.Properties} text ({@code server.port=8080}) or env lines
 * ({@code LAMINA_SERVER_PORT=8080}). What the format cannot hold (nulls in lists, empty objects and lists,
 * keys with no env name) becomes a comment line rather than disappearing. Origins are comment lines
 * before each entry.
 */
final class FlatWriter {

    /** The two flat formats. */
    enum Style { PROPERTIES, ENV }

    private final RenderedValues values;
    private final boolean origins;
    private final Style style;
    private final String envPrefix;
    private final StringBuilder out = new StringBuilder(4096);

    FlatWriter(RenderedValues values, boolean origins, Style style, String envPrefix) {
        this.values = values;
        this.origins = origins;
        this.style = style;
        this.envPrefix = envPrefix;
    }

    String write(ConfigNode node, ConfigPath at) {
        walk(node, at);
        return out.toString();
    }

    private void walk(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigObject object && !object.isEmpty()) {
            for (Map.Entry<String, ConfigNode> e : object.entries().entrySet()) {
                walk(e.getValue(), path.child(e.getKey()));
            }
        } else if (node instanceof ConfigList list && list.size() > 0) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.items().get(i), path.child(i));
            }
        } else {
            leaf(node, path);
        }
    }

    private void leaf(ConfigNode node, ConfigPath path) {
        if (origins) {
            String origin = RenderedValues.originText(node.origin());
            if (origin != null) {
                out.append("# ").append(origin).append('\n');
            }
        }
        String name = style == Style.ENV ? EnvNames.of(envPrefix, path).orElse(null) : path.toString();
        if (name == null) {
            out.append("# ").append(commentSafe(path.toString()))
                    .append(": skipped, this key cannot be written as an environment variable name\n");
            return;
        }
        if (!(node instanceof ConfigScalar scalar)) {
            String what = node instanceof ConfigNull ? "null" : node instanceof ConfigObject ? "empty object"
                    : "empty list";
            out.append("# ").append(commentSafe(name)).append(": ").append(what)
                    .append(", which this format cannot hold\n");
            return;
        }
        String text = values.show(path, scalar).text();
        if (style == Style.ENV) {
            out.append(name).append('=').append(ShellText.quote(text)).append('\n');
        } else {
            out.append(PropertiesText.key(name)).append('=').append(PropertiesText.value(text)).append('\n');
        }
    }

    private static String commentSafe(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    private static final class ShellText {

        /** POSIX-shell and dotenv safe without quotes. */
        private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:,@%+=-]+");

        /** Single-quoted unless plainly safe; a single quote becomes {@code '\''}. */
        static String quote(String s) {
            if (SAFE.matcher(s).matches()) {
                return s;
            }
            return "'" + s.replace("'", "'\\''") + "'";
        }
    }
}
