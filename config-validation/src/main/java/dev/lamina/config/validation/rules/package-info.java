/**
 * The built-in rule packs: security, compliance (GDPR, SOX, HIPAA, ISO 27001), music-streaming business rules and
 * performance sanity checks. Start from {@link dev.lamina.config.validation.rules.RulePacks}; every rule id is
 * documented in {@code docs/rule-packs.md}.
 */
package dev.lamina.config.validation.rules;
