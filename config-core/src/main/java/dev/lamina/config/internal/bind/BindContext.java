package dev.lamina.config.internal.bind;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;
import dev.lamina.config.internal.tree.Trees;

/**
 * What one {@code bind} call's deserializers need: the configuration subtree being bound (to read each scalar's
 * exact text and origin back by path), the subtree's full path, and which paths are secret. Carried as a
 * Jackson context attribute, so one shared mapper serves every call. Immutable; lives for one call.
 *
 * @param root   the subtree being bound
 * @param base   its full path in the configuration
 * @param secret tells which full paths hold secrets
 */
record BindContext(ConfigNode root, ConfigPath base, Predicate<ConfigPath> secret) {

    /** The attribute key. */
    static final Object KEY = BindContext.class;

    /**
     * @param ctxt the deserialization context
     * @return the context of the current call, or {@code null} when the mapper is used outside {@link Binder}
     */
    static BindContext of(DeserializationContext ctxt) {
        Object v = ctxt.getAttribute(KEY);
        return v instanceof BindContext bc ? bc : null;
    }

    /**
     * The path, relative to the bound subtree, of the value at the parser's current token.
     *
     * @param p a parser over the tree built by {@link JsonTrees}, positioned on a value token
     * @return the segments
     */
    static List<String> relativePath(JsonParser p) {
        JsonStreamContext ctx = p.getParsingContext();
        JsonToken t = p.currentToken();
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && ctx != null) {
            // On a container's start token the context is already the container's own.
            ctx = ctx.getParent();
        }
        Deque<String> segments = new ArrayDeque<>();
        while (ctx != null && !ctx.inRoot()) {
            if (ctx.inObject()) {
                segments.addFirst(ctx.getCurrentName());
            } else {
                segments.addFirst(Integer.toString(ctx.getCurrentIndex()));
            }
            ctx = ctx.getParent();
        }
        return new ArrayList<>(segments);
    }

    /**
     * @param relative segments relative to the bound subtree
     * @return the node there, or {@code null}
     */
    ConfigNode nodeAt(List<String> relative) {
        return Trees.find(root, relative);
    }

    /**
     * @param relative segments relative to the bound subtree
     * @return the nearest node at or above the path (never {@code null})
     */
    ConfigNode nearestAt(List<String> relative) {
        for (int i = relative.size(); i >= 0; i--) {
            ConfigNode n = nodeAt(relative.subList(0, i));
            if (n != null) {
                return n;
            }
        }
        return root;
    }

    /**
     * @param relative segments relative to the bound subtree
     * @return the full path
     */
    ConfigPath full(List<String> relative) {
        if (relative.isEmpty()) {
            return base;
        }
        List<String> all = new ArrayList<>(base.segments());
        all.addAll(relative);
        return ConfigPath.of(all);
    }

    /** A site: the node at the parser's position, with its full path and secrecy. */
    record Site(ConfigNode node, ConfigPath path, boolean secret) {
    }

    /**
     * @param ctxt the deserialization context
     * @param p    the parser, on a value token
     * @return the node at the parser's position with its path; built from the token when the mapper is used
     *         outside a bind call
     */
    static Site site(DeserializationContext ctxt, JsonParser p) throws IOException {
        BindContext bc = of(ctxt);
        List<String> rel = relativePath(p);
        if (bc != null) {
            ConfigNode n = bc.nodeAt(rel);
            if (n != null) {
                ConfigPath full = bc.full(rel);
                return new Site(n, full, bc.secret.test(full));
            }
        }
        ConfigPath path = ConfigPath.of(rel);
        JsonToken t = p.currentToken();
        ConfigNode n;
        if (t == JsonToken.START_OBJECT) {
            n = ConfigObject.empty(Origin.UNKNOWN);
        } else if (t == JsonToken.START_ARRAY) {
            n = new ConfigList(List.of(), Origin.UNKNOWN);
        } else if (t == JsonToken.VALUE_NULL) {
            n = new ConfigNull(Origin.UNKNOWN);
        } else {
            ScalarType type = t == JsonToken.VALUE_STRING ? ScalarType.STRING
                    : (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) ? ScalarType.BOOLEAN : ScalarType.NUMBER;
            n = new ConfigScalar(p.getText(), type, Origin.UNKNOWN);
        }
        return new Site(n, path, true);
    }
}
