package dev.lamina.config.internal.bind;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.lamina.config.ConfigBindException;
import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.KeyNaming;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.spi.Suggestions;

/**
 * {@link Binder}'s engine: binds configuration subtrees to records and classes through one strictly configured
 * Jackson mapper (see {@code docs/reading-values.md}).
 *
 * <p>Strict means: unknown keys fail with a "did you mean" suggestion; a missing or null primitive fails;
 * numbers are never narrowed; scalars follow {@link Conversions}. Every failure is a {@link ConfigBindException}
 * naming the config path and origin of the offending node; Jackson's own messages, which may quote input, are
 * never passed on. Built by {@link Binder} on its first {@code bind}; thread-safe.
 */
final class MapperBinder {

    private final ObjectMapper mapper;

    /** @param naming how keys match members */
    MapperBinder(KeyNaming naming) {
        JsonMapper.Builder b = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // Registered after JavaTimeModule so that our Duration rules win.
                .addModule(StrictDeserializers.module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        switch (naming) {
            case SNAKE_CASE -> b.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
            case KEBAB_CASE -> b.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
            case AS_WRITTEN -> { }
        }
        this.mapper = b.build();
    }

    /**
     * @param node   the subtree to bind
     * @param path   its full path (for messages)
     * @param type   the target type
     * @param secret tells which full paths hold secrets, so that their values are never quoted
     * @param <T>    the target type
     * @return the bound value; {@code null} only when {@code node} is an explicit null and the target is not primitive
     * @throws ConfigBindException if the subtree does not fit the type
     */
    <T> T bind(ConfigNode node, ConfigPath path, Class<T> type, Predicate<ConfigPath> secret) {
        BindContext context = new BindContext(node, path, secret);
        try {
            return mapper.readerFor(type).withAttribute(BindContext.KEY, context).readValue(JsonTrees.toJson(node));
        } catch (DatabindException e) {
            throw translate(e, context, type);
        } catch (ConfigException e) {
            throw asBindException(e);
        } catch (IOException e) {
            throw new ConfigBindException(node.origin(), path, "cannot bind to " + type.getSimpleName()
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static ConfigBindException asBindException(ConfigException e) {
        return e instanceof ConfigBindException b ? b
                : new ConfigBindException(e.origin().orElse(null), e.path().orElse(null), e.reason(), e);
    }

    private ConfigBindException translate(DatabindException e, BindContext context, Class<?> root) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException ce) {
                return asBindException(ce);
            }
        }
        List<String> rel = new ArrayList<>();
        if (e instanceof JsonMappingException jme) {
            for (JsonMappingException.Reference r : jme.getPath()) {
                if (r.getFieldName() != null) {
                    rel.add(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    rel.add(Integer.toString(r.getIndex()));
                }
            }
        }
        ConfigPath full = context.full(rel);
        ConfigNode at = context.nodeAt(rel);
        ConfigNode near = context.nearestAt(rel);
        boolean secret = context.secret().test(full);
        String reason;
        if (e instanceof UnrecognizedPropertyException u) {
            reason = unknownKeyReason(u.getPropertyName(), u.getReferringClass(), asStrings(u.getKnownPropertyIds()));
        } else if (e instanceof StrictDeserializers.MissingValueException m) {
            // Jackson checks creator properties before unknown keys, but a typo ("prot") is the likely cause of
            // a missing value ("port"), so an unknown key in the same object is reported first.
            ConfigBindException unknown = unknownKeyInParent(jmePath(e), rel, context);
            if (unknown != null) {
                return unknown;
            }
            reason = "missing required value for " + describeTarget(m.getTargetType())
                    + " (fix: set " + full + "; a primitive has no default)";
        } else if (inaccessibleType(e, root) != null) {
            reason = notOpenReason(inaccessibleType(e, root));
        } else if (e instanceof InvalidDefinitionException d) {
            // Definition problems are about the Java type, never about input, so their own text is safe.
            reason = "cannot bind to " + (d.getType() == null ? root.getSimpleName() : d.getType().getRawClass().getSimpleName())
                    + ": " + d.getOriginalMessage();
        } else if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            boolean quoteCause = cause != null && cause.getMessage() != null && !containsSecret(near, full, context.secret());
            reason = "the constructor of " + v.getType().getRawClass().getSimpleName() + " rejected the values"
                    + (quoteCause ? ": " + cause.getMessage() : cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")");
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            if (at == null) {
                reason = "missing required value for " + describeTarget(m.getTargetType()) + " (fix: set " + full + ")";
            } else {
                reason = "expected " + describeTarget(m.getTargetType()) + ", found " + Conversions.describe(at, secret);
            }
        } else {
            reason = "cannot bind to " + root.getSimpleName() + " at this point"
                    + (at == null ? "" : " (found " + Conversions.describe(at, secret) + ")");
        }
        return new ConfigBindException(near.origin(), full, reason);
    }

    /**
     * Jackson reports a type in a named module whose package is not opened to it with its own text ("Failed to call
     * setAccess() ... does not \"opens demo\""), which tells a user neither what to change nor where.
     *
     * @return the class Jackson could not reach, or {@code null} when the failure has another cause
     */
    private static Class<?> inaccessibleType(DatabindException e, Class<?> root) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.lang.reflect.InaccessibleObjectException || t instanceof IllegalAccessException
                    || (t.getMessage() != null && t.getMessage().contains("setAccess"))) {
                Class<?> type = e instanceof InvalidDefinitionException d && d.getType() != null
                        ? d.getType().getRawClass() : root;
                return type.getModule().isNamed() ? type : root;
            }
        }
        return null;
    }

    private static String notOpenReason(Class<?> type) {
        Module module = type.getModule();
        String pkg = type.getPackageName();
        String where = module.isNamed() ? "module " + module.getName() + "'s module-info.java" : "your module-info.java";
        return "cannot bind to " + type.getSimpleName() + ": package " + pkg + " is not open to Jackson, which "
                + "binding uses to create it (fix: add 'opens " + pkg + " to com.fasterxml.jackson.databind;' to "
                + where + ")";
    }

    private static List<JsonMappingException.Reference> jmePath(DatabindException e) {
        return e instanceof JsonMappingException jme ? jme.getPath() : List.of();
    }

    private ConfigBindException unknownKeyInParent(List<JsonMappingException.Reference> refs, List<String> rel,
                                                   BindContext context) {
        if (refs.isEmpty() || rel.isEmpty() || !(refs.get(refs.size() - 1).getFrom() instanceof Class<?> owner)) {
            return null;
        }
        List<String> parentRel = rel.subList(0, rel.size() - 1);
        if (!(context.nodeAt(parentRel) instanceof ConfigObject object)) {
            return null;
        }
        List<String> known = new ArrayList<>();
        mapper.getDeserializationConfig().introspect(mapper.constructType(owner)).findProperties()
                .forEach(d -> known.add(d.getName()));
        for (Map.Entry<String, ConfigNode> entry : object.entries().entrySet()) {
            if (!known.contains(entry.getKey())) {
                List<String> keyRel = new ArrayList<>(parentRel);
                keyRel.add(entry.getKey());
                return new ConfigBindException(entry.getValue().origin(), context.full(keyRel),
                        unknownKeyReason(entry.getKey(), owner, known));
            }
        }
        return null;
    }

    private static String unknownKeyReason(String key, Class<?> owner, Collection<String> knownIds) {
        List<String> known = new ArrayList<>(new TreeSet<>(knownIds));
        Optional<String> guess = Suggestions.closest(key, known);
        return "unknown key '" + key + "' for " + (owner == null ? "the target" : owner.getSimpleName())
                + guess.map(g -> " (did you mean '" + g + "'?)").orElse("")
                + " (fix: remove it or rename it to one of: " + String.join(", ", known) + ")";
    }

    private static List<String> asStrings(Collection<Object> ids) {
        List<String> out = new ArrayList<>();
        if (ids != null) {
            ids.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }

    private static boolean containsSecret(ConfigNode node, ConfigPath path, Predicate<ConfigPath> secret) {
        if (secret.test(path)) {
            return true;
        }
        if (node instanceof ConfigObject o) {
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                if (containsSecret(e.getValue(), path.child(e.getKey()), secret)) {
                    return true;
                }
            }
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                if (containsSecret(l.items().get(i), path.child(i), secret)) {
                    return true;
                }
            }
        } else if (node instanceof ConfigScalar s) {
            return SecretPolicy.isEncrypted(s.text());
        }
        return false;
    }

    /**
     * @param type a Java type
     * @return how messages name what that type expects: {@code an integer (int)}, {@code an object (Server)}, …
     */
    static String describeTarget(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class) {
            return "an integer (" + type.getSimpleName() + ")";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || Number.class.isAssignableFrom(type)) {
            return "a number (" + type.getSimpleName() + ")";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of the " + type.getSimpleName() + " constants";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object (map)";
        }
        RecordComponent[] components = type.getRecordComponents();
        return "an object (" + type.getSimpleName() + (components == null ? "" : " record") + ")";
    }
}
