package dev.lamina.config.flags;

import java.util.Objects;

/**
 * The payload a variant carries, as written ({@code payload: {type: string, value: "#00f"}}). The value is kept
 * as text: a {@code json} payload holds JSON text, a {@code number} payload the number as written.
 *
 * @param type  the payload type ({@code string}, {@code json}, {@code csv}, {@code number}, …); never blank
 * @param value the payload text; never {@code null}
 */
public record VariantPayload(String type, String value) {

    /**
     * Checks the components.
     *
     * @param type the {@code type} component
     * @param value the {@code value} component
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if {@code type} is blank
     */
    public VariantPayload {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (type.isBlank()) {
            throw new IllegalArgumentException("payload type must not be blank");
        }
    }
}
