package dev.lamina.config.cli;

import java.util.List;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.Configuration;
import dev.lamina.config.validation.Severity;
import dev.lamina.config.validation.ValidationContext;
import dev.lamina.config.validation.ValidationResult;
import dev.lamina.config.validation.ValidationRule;

/**
 * A rule the tests list for ServiceLoader (src/test/resources/META-INF/services): it fails with the severity written
 * at {@code validation_test.fail_with}, and passes when that key is absent, so that each test chooses what it sees.
 */
public final class MarkerRule implements ValidationRule {

    /** For ServiceLoader. */
    public MarkerRule() {
    }

    @Override
    public String id() {
        return "test.marker";
    }

    @Override
    public List<ValidationResult> validate(Configuration config, ValidationContext context) {
        return config.getOptionalString("validation_test.fail_with")
                .map(s -> List.of(ValidationResult.failure(id(), Severity.valueOf(s),
                        ConfigPath.parse("validation_test.fail_with"),
                        config.origin("validation_test.fail_with").orElseThrow(),
                        "the test asked for a " + s + " finding", "remove validation_test")))
                .orElse(List.of());
    }
}
