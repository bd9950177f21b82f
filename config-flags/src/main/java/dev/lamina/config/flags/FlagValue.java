package dev.lamina.config.flags;

import java.util.Objects;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;

/**
 * A typed flag value: what a variant of a typed flag serves ({@code value:} in the native format), or what a
 * variant payload of an untyped flag means ({@code json} payloads are structures, {@code number} payloads numbers,
 * the others text). Immutable.
 */
public sealed interface FlagValue {

    /** @return the value's type */
    FlagType type();

    /** @return the plain Java value: {@code Boolean}, {@code String}, {@code Long}, {@code Double} or a {@link ConfigNode} */
    Object javaValue();

    /**
     * A boolean value.
     *
     * @param value the value
     */
    record BooleanValue(boolean value) implements FlagValue {
        @Override
        public FlagType type() {
            return FlagType.BOOLEAN;
        }

        @Override
        public Object javaValue() {
            return value;
        }
    }

    /**
     * A text value.
     *
     * @param value the text; never {@code null}
     */
    record StringValue(String value) implements FlagValue {
        /**
         * Checks the component.
         *
         * @param value the {@code value} component
         */
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public FlagType type() {
            return FlagType.STRING;
        }

        @Override
        public Object javaValue() {
            return value;
        }
    }

    /**
     * A whole number.
     *
     * @param value the number
     */
    record IntegerValue(long value) implements FlagValue {
        @Override
        public FlagType type() {
            return FlagType.INTEGER;
        }

        @Override
        public Object javaValue() {
            return value;
        }
    }

    /**
     * A floating-point number.
     *
     * @param value the number
     */
    record DoubleValue(double value) implements FlagValue {
        @Override
        public FlagType type() {
            return FlagType.DOUBLE;
        }

        @Override
        public Object javaValue() {
            return value;
        }
    }

    /**
     * A structure, as a configuration tree (an object or a list).
     *
     * @param value the tree; never {@code null}
     */
    record ObjectValue(ConfigNode value) implements FlagValue {
        /**
         * Checks the component.
         *
         * @param value the {@code value} component
         * @throws IllegalArgumentException if {@code value} is neither an object nor a list
         */
        public ObjectValue {
            Objects.requireNonNull(value, "value");
            if (!(value instanceof ConfigObject) && !(value instanceof ConfigList)) {
                throw new IllegalArgumentException("an object value must be an object or a list, found "
                        + value.kindName());
            }
        }

        @Override
        public FlagType type() {
            return FlagType.OBJECT;
        }

        @Override
        public Object javaValue() {
            return value;
        }
    }
}
