/**
 * Validation of configurations: JSON Schema and pluggable rules with severities and suggested fixes.
 */
package dev.lamina.config.validation;
