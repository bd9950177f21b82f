package dev.lamina.config.validation;

/**
 * How strictly a tenant's (or any context's) configuration is held to the security pack (the product's
 * {@code security_level}).
 */
public enum SecurityLevel {
    /** The security pack's findings keep their severities. */
    STANDARD,
    /** Every failed {@code security.*} warning becomes an error, so it blocks publication. */
    HIGH
}
