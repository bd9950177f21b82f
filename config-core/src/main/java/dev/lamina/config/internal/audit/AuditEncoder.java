package dev.lamina.config.internal.audit;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lamina.config.AuditRecord;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.SecretPolicy;

/**
 * Turns an {@link AuditRecord} into the members of one audit line, masking secrets on the way.
 *
 * <p>Masking is by path, at every depth: a value whose path (the change's path, or the path of a key or
 * item inside an object or list value) is secret under the {@link SecretPolicy}, and every
 * {@code ENC[...]} scalar, is written as {@value SecretPolicy#MASK}. Scalars are written as JSON strings
 * holding their text as written ({@code "0755"} stays {@code "0755"}); objects and lists as JSON objects
 * and arrays; {@link ConfigNull} and an absent value as {@code null}.
 *
 * <p>Thread-safe.
 */
public final class AuditEncoder {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SecretPolicy policy;

    /** @param policy decides which paths are secret */
    public AuditEncoder(SecretPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param record the record
     * @param seq    its sequence number
     * @param time   when it is written
     * @param prev   the chain link to the previous line
     * @return the members, in the documented order, without {@code hash}
     */
    public ObjectNode body(AuditRecord record, long seq, Instant time, String prev) {
        ObjectNode o = AuditChain.newBody();
        o.put("seq", seq);
        o.put("time", DateTimeFormatter.ISO_INSTANT.format(time));
        putOptional(o, "principal", record.principal());
        o.put("action", record.action());
        ArrayNode paths = o.putArray("paths");
        record.paths().forEach(p -> paths.add(p.toString()));
        ArrayNode changes = o.putArray("changes");
        for (AuditRecord.Change c : record.changes()) {
            ObjectNode change = changes.addObject();
            change.put("path", c.path().toString());
            change.set("old", value(c.path(), c.oldValue()));
            change.set("new", value(c.path(), c.newValue()));
        }
        o.put("version", record.version());
        o.put("result", record.result().jsonName());
        putOptional(o, "reason", record.reason());
        o.put("prev", prev);
        return o;
    }

    private static void putOptional(ObjectNode o, String name, Optional<String> value) {
        if (value.isPresent()) {
            o.put(name, value.get());
        } else {
            o.putNull(name);
        }
    }

    private JsonNode value(ConfigPath path, Optional<ConfigNode> node) {
        return node.isPresent() ? masked(path, node.get()) : JSON.nullNode();
    }

    private JsonNode masked(ConfigPath path, ConfigNode node) {
        if (policy.isSecret(path)) {
            // The whole subtree under a secret key is hidden, whatever its shape.
            return node instanceof ConfigNull ? JSON.nullNode() : JSON.textNode(SecretPolicy.MASK);
        }
        if (node instanceof ConfigScalar s) {
            return JSON.textNode(SecretPolicy.isEncrypted(s.text()) ? SecretPolicy.MASK : s.text());
        }
        if (node instanceof ConfigObject obj) {
            ObjectNode out = JSON.objectNode();
            for (Map.Entry<String, ConfigNode> e : obj.entries().entrySet()) {
                out.set(e.getKey(), masked(path.child(e.getKey()), e.getValue()));
            }
            return out;
        }
        if (node instanceof ConfigList list) {
            ArrayNode out = JSON.arrayNode();
            for (int i = 0; i < list.size(); i++) {
                out.add(masked(path.child(i), list.items().get(i)));
            }
            return out;
        }
        return JSON.nullNode();
    }
}
