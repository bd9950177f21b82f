package dev.lamina.config.internal.bind;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Binds {@code Optional<T>} components and properties: an absent key or an explicit null gives
 * {@link Optional#empty()} (never {@code null}); a value is bound as {@code T} with the same strict rules.
 * Only the databind core is on the class path (no JDK 8 datatype module), hence this small deserializer.
 * Thread-safe once contextualized.
 */
final class OptionalDeserializer extends StdDeserializer<Optional<?>> implements ContextualDeserializer {

    private static final long serialVersionUID = 1L;

    private final transient JsonDeserializer<Object> content;

    OptionalDeserializer() {
        this(null);
    }

    private OptionalDeserializer(JsonDeserializer<Object> content) {
        super(Optional.class);
        this.content = content;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        JavaType type = property != null ? property.getType() : ctxt.getContextualType();
        JavaType inner = type == null || type.containedTypeCount() == 0
                ? ctxt.constructType(Object.class) : type.containedType(0);
        return new OptionalDeserializer(ctxt.findContextualValueDeserializer(inner, property));
    }

    @Override
    public Optional<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (content == null) {
            return Optional.ofNullable(ctxt.readValue(p, Object.class));
        }
        return Optional.ofNullable(content.deserialize(p, ctxt));
    }

    @Override
    public Optional<?> getNullValue(DeserializationContext ctxt) {
        return Optional.empty();
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return Optional.empty();
    }
}
