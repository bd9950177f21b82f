package dev.lamina.config.validation;

import java.util.List;

import dev.lamina.config.Configuration;

/** Listed in the test-scope {@code META-INF/services} file, to prove ServiceLoader discovery. */
public final class DiscoveredTestRule implements ValidationRule {

    @Override
    public String id() {
        return "test.discovered";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public List<ValidationResult> validate(Configuration config, ValidationContext context) {
        return config.hasPath("forbidden") ? List.of(failure(config, "forbidden", "key 'forbidden' is set", "remove it"))
                : List.of();
    }
}
