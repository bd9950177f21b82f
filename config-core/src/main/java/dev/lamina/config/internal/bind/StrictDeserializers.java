package dev.lamina.config.internal.bind;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import dev.lamina.config.DataSize;

/**
 * Jackson deserializers that apply Lamina's conversion rules ({@link Conversions}) to the exact text and origin
 * of each scalar, so that binding and the getters agree: {@code "8080"} binds to {@code int}, {@code 8080.9}
 * does not, {@code yes} is not a boolean, durations and sizes go through Lamina's parsers, enums match
 * case-insensitively with {@code -} and {@code _} alike, and a missing or null primitive is an error.
 * Stateless and thread-safe.
 */
final class StrictDeserializers {

    private StrictDeserializers() {
    }

    /** @return a module holding every strict deserializer */
    static SimpleModule module() {
        SimpleModule m = new SimpleModule("lamina-strict");
        m.addDeserializer(int.class, new Scalar<>(int.class, true, (s) -> Conversions.toInt(s.node(), s.path(), s.secret())));
        m.addDeserializer(Integer.class, new Scalar<>(Integer.class, false, (s) -> Conversions.toInt(s.node(), s.path(), s.secret())));
        m.addDeserializer(long.class, new Scalar<>(long.class, true, (s) -> Conversions.toLong(s.node(), s.path(), s.secret())));
        m.addDeserializer(Long.class, new Scalar<>(Long.class, false, (s) -> Conversions.toLong(s.node(), s.path(), s.secret())));
        m.addDeserializer(double.class, new Scalar<>(double.class, true, (s) -> Conversions.toDouble(s.node(), s.path(), s.secret())));
        m.addDeserializer(Double.class, new Scalar<>(Double.class, false, (s) -> Conversions.toDouble(s.node(), s.path(), s.secret())));
        m.addDeserializer(boolean.class, new Scalar<>(boolean.class, true, (s) -> Conversions.toBoolean(s.node(), s.path(), s.secret())));
        m.addDeserializer(Boolean.class, new Scalar<>(Boolean.class, false, (s) -> Conversions.toBoolean(s.node(), s.path(), s.secret())));
        m.addDeserializer(String.class, new Scalar<>(String.class, false, (s) -> Conversions.toText(s.node(), s.path(), s.secret())));
        m.addDeserializer(Duration.class, new Scalar<>(Duration.class, false, (s) -> Conversions.toDuration(s.node(), s.path(), s.secret())));
        m.addDeserializer(DataSize.class, new Scalar<>(DataSize.class, false, (s) -> Conversions.toSize(s.node(), s.path(), s.secret())));
        m.addDeserializer(dev.lamina.config.Secret.class, new Scalar<>(dev.lamina.config.Secret.class, false,
                (s) -> dev.lamina.config.Secret.of(Conversions.toText(s.node(), s.path(), true))));
        m.addDeserializer(Optional.class, new OptionalDeserializer());
        m.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                return enumDeserializer(type.getRawClass());
            }
        });
        return m;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonDeserializer<?> enumDeserializer(Class<?> raw) {
        Class<? extends Enum> type = (Class<? extends Enum>) raw;
        return new Scalar<>((Class<Object>) raw, false, (s) -> Conversions.toEnum(s.node(), type, s.path(), s.secret()));
    }

    /** How one target type is read from a site. */
    @FunctionalInterface
    interface Converter<T> {
        T convert(BindContext.Site site);
    }

    /** Reads any value token (and containers, to report them as the wrong kind) through a converter. */
    static final class Scalar<T> extends StdScalarDeserializer<T> {

        private static final long serialVersionUID = 1L;

        private final boolean primitive;
        private final transient Converter<T> converter;

        Scalar(Class<T> type, boolean primitive, Converter<T> converter) {
            super(type);
            this.primitive = primitive;
            this.converter = converter;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return converter.convert(BindContext.site(ctxt, p));
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) {
            if (!primitive) {
                return null;
            }
            // Explicit null for a primitive: the converter reports "expected …, found null" at the null's origin.
            try {
                return converter.convert(BindContext.site(ctxt, ctxt.getParser()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the binding position", e);
            }
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) throws MissingValueException {
            if (!primitive) {
                return null;
            }
            // Jackson prepends the property name to this exception's path, which the binder turns into
            // "missing required value" at the right config path.
            throw new MissingValueException(ctxt.getParser(), handledType());
        }
    }

    /** A primitive creator property (record component) was absent from the tree. */
    static final class MissingValueException extends MismatchedInputException {

        private static final long serialVersionUID = 1L;

        MissingValueException(JsonParser p, Class<?> type) {
            super(p, "missing value for a primitive", type);
        }
    }
}
