package dev.lamina.config.cli;

import java.time.Clock;
import java.util.List;

import dev.lamina.config.Configuration;
import dev.lamina.config.flags.FlagDefinitionException;
import dev.lamina.config.flags.FlagDefinitions;
import dev.lamina.config.validation.Severity;
import dev.lamina.config.validation.ValidationContext;
import dev.lamina.config.validation.ValidationResult;
import dev.lamina.config.validation.ValidationRule;

/**
 * {@code flags.definitions}: the {@code feature_flags:} and {@code experiments:} sections compile, as a service would
 * compile them; each refused definition is one {@code ERROR} at its path and origin. The {@code flags} pack of
 * {@code configctl validate}.
 */
final class FlagDefinitionsRule implements ValidationRule {

    static final String ID = "flags.definitions";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "feature flag and experiment definitions compile";
    }

    @Override
    public List<ValidationResult> validate(Configuration config, ValidationContext context) {
        try {
            FlagDefinitions.compile(config, Clock.systemUTC());
            return List.of();
        } catch (FlagDefinitionException e) {
            return e.problems().stream()
                    .map(p -> ValidationResult.failure(ID, Severity.ERROR, p.path(), p.origin(), p.reason(), null))
                    .toList();
        }
    }
}
