package dev.lamina.config.validation.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lamina.config.Configuration;
import dev.lamina.config.validation.Severity;
import dev.lamina.config.validation.ValidationContext;
import dev.lamina.config.validation.ValidationResult;
import dev.lamina.config.validation.ValidationRule;

/** A rule restricted to some environments; everything else is delegated. */
public final class ScopedRule implements ValidationRule {

    private final ValidationRule delegate;
    private final Set<String> environments;

    /**
     * @param delegate     the rule
     * @param environments where it runs; at least one
     */
    public ScopedRule(ValidationRule delegate, Set<String> environments) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (environments.isEmpty()) {
            throw new IllegalArgumentException("onlyIn needs at least one environment");
        }
        this.environments = environments.stream().map(e -> e.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public Severity severity() {
        return delegate.severity();
    }

    @Override
    public Set<String> environments() {
        return environments;
    }

    @Override
    public Set<String> frameworks() {
        return delegate.frameworks();
    }

    @Override
    public boolean appliesTo(ValidationContext context) {
        return context.isEnvironment(environments) && delegate.appliesTo(context);
    }

    @Override
    public List<ValidationResult> validate(Configuration config, ValidationContext context) {
        return delegate.validate(config, context);
    }

    @Override
    public String toString() {
        return delegate.id() + " (only in " + environments + ")";
    }
}
