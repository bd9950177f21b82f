package dev.lamina.config.validation.rules;

import java.util.Map;

/**
 * Thresholds of the compliance pack. Immutable; start from {@link #DEFAULTS}.
 *
 * @param maxRetentionDays        the longest retention allowed per data class; a class is the retention key without
 *                                its {@code _days} suffix ({@code user_data_days} is class {@code user_data})
 * @param defaultMaxRetentionDays the longest retention for a class not listed
 * @param minAuditRetentionDays   the least retention of audit records (SOX)
 */
public record CompliancePolicy(Map<String, Integer> maxRetentionDays, int defaultMaxRetentionDays,
                               int minAuditRetentionDays) {

    /**
     * The documented defaults: user data 2555 days (7 years), logs 365, analytics data 1095 (3 years), anything else
     * 2555; audit records kept at least 2555 days.
     */
    public static final CompliancePolicy DEFAULTS = new CompliancePolicy(
            Map.of("user_data", 2555, "logs", 365, "analytics_data", 1095, "analytics", 1095), 2555, 2555);

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if the map is {@code null}
     * @throws IllegalArgumentException if a number is not positive
     */
    public CompliancePolicy {
        maxRetentionDays = Map.copyOf(maxRetentionDays);
        if (defaultMaxRetentionDays < 1 || minAuditRetentionDays < 0
                || maxRetentionDays.values().stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("retention limits must be positive");
        }
    }

    /**
     * @param dataClass a data class, such as {@code logs}
     * @return the longest retention allowed for it, in days
     */
    public int maxRetentionDaysFor(String dataClass) {
        return maxRetentionDays.getOrDefault(dataClass, defaultMaxRetentionDays);
    }
}
