package dev.lamina.config.validation.rules;

/** placeholder */
public final class RulePacks {
    private RulePacks() {
    }
}
