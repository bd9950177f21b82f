package dev.lamina.config.internal.render;

import java.util.Locale;
import java.util.function.Predicate;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.internal.bind.ScalarSyntax;

/**
 * The one place that decides what a scalar looks like in output: masked or not, and which type it is
 * written as. Every writer goes through it so that no format can forget the mask.
 */
final class RenderedValues {


    private final Predicate<ConfigPath> secretPath;

    RenderedValues(Predicate<ConfigPath> secretPath) {
        this.secretPath = secretPath;
    }

    /** A scalar as it is to be written: its text and type after masking. */
    record Shown(String text, ScalarType type) {
    }

    Shown show(ConfigPath path, ConfigScalar scalar) {
        if (secretPath.test(path) || SecretPolicy.isEncrypted(scalar.text())) {
            return new Shown(SecretPolicy.MASK, ScalarType.STRING);
        }
        return switch (scalar.type()) {
            // RFC 8259 number grammar: a NUMBER whose text does not follow it is written as a string.
            case NUMBER -> !scalar.text().startsWith("+") && ScalarSyntax.isDecimalText(scalar.text())
                    ? new Shown(scalar.text(), ScalarType.NUMBER)
                    : new Shown(scalar.text(), ScalarType.STRING);
            // Only true/false are booleans (ScalarType's contract); normalise the case for every reader.
            case BOOLEAN -> "true".equalsIgnoreCase(scalar.text()) || "false".equalsIgnoreCase(scalar.text())
                    ? new Shown(scalar.text().toLowerCase(Locale.ROOT), ScalarType.BOOLEAN)
                    : new Shown(scalar.text(), ScalarType.STRING);
            case STRING -> new Shown(scalar.text(), ScalarType.STRING);
        };
    }

    /** @return the origin text for comments, or {@code null} when the origin is unknown */
    static String originText(Origin origin) {
        if (origin.equals(Origin.UNKNOWN)) {
            return null;
        }
        // An origin is one line of output, whatever its source name contains.
        return origin.describe().replace('\n', ' ').replace('\r', ' ');
    }
}
