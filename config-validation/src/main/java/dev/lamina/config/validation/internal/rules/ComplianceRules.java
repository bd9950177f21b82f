package dev.lamina.config.validation.internal.rules;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ScalarType;
import dev.lamina.config.validation.Severity;
import dev.lamina.config.validation.ValidationRule;
import dev.lamina.config.validation.internal.rules.Scan.Hit;
import dev.lamina.config.validation.rules.CompliancePolicy;

/**
 * The compliance pack: GDPR rules block (ERROR); SOX, HIPAA and ISO 27001 rules warn, and every framework gets a
 * score in the report. Each rule is documented in {@code docs/rule-packs.md}.
 */
public final class ComplianceRules {

    /** Framework names as the report shows them. */
    public static final String GDPR = "GDPR";
    /** Sarbanes–Oxley. */
    public static final String SOX = "SOX";
    /** HIPAA. */
    public static final String HIPAA = "HIPAA";
    /** ISO/IEC 27001. */
    public static final String ISO27001 = "ISO27001";

    private static final Set<String> GDPR_SECTIONS = Set.of("gdpr_compliance", "gdpr");
    private static final Set<String> TLS_OFF_SWITCHES = Set.of("ssl_enabled", "tls_enabled", "use_ssl", "use_tls",
            "https_only", "require_https", "enforce_https", "encryption_in_transit", "in_transit");

    private ComplianceRules() {
    }

    /**
     * @param policy thresholds
     * @param cache   the index cache the rules share (with other packs' too, when built together)
     * @return the pack's rules
     */
    public static List<ValidationRule> create(CompliancePolicy policy, IndexCache cache) {
        return TreeRule.sharing(List.of(
                TreeRule.of("compliance.gdpr.consent-required", Severity.ERROR,
                        "GDPR: processing requires user consent (consent_required: true)",
                        (scan, ctx) -> gdprFlag(scan, "consent_required", "consent")).forFramework(GDPR),
                TreeRule.of("compliance.gdpr.right-to-be-forgotten", Severity.ERROR,
                        "GDPR: users can have their data erased (right_to_be_forgotten: true)",
                        (scan, ctx) -> gdprFlag(scan, "right_to_be_forgotten", "right_to_erasure"))
                        .forFramework(GDPR),
                TreeRule.of("compliance.gdpr.retention-limits", Severity.ERROR,
                        "GDPR: every data class has a retention period within its documented maximum",
                        (scan, ctx) -> retention(scan, policy)).forFramework(GDPR),
                TreeRule.of("compliance.sox.audit-trail", Severity.WARNING,
                        "SOX: an audit trail of configuration changes is enabled",
                        (scan, ctx) -> auditTrail(scan)).forFramework(SOX),
                TreeRule.of("compliance.sox.audit-retention", Severity.WARNING,
                        "SOX: audit records are kept at least the policy's minimum (7 years by default)",
                        (scan, ctx) -> auditRetention(scan, policy)).forFramework(SOX),
                TreeRule.of("compliance.hipaa.encryption-at-rest", Severity.WARNING,
                        "HIPAA: stored data is encrypted at rest",
                        (scan, ctx) -> encryptionAtRest(scan)).forFramework(HIPAA),
                TreeRule.of("compliance.hipaa.transport-encryption", Severity.WARNING,
                        "HIPAA: no TLS switched off and no plain http:// URL to a remote host",
                        (scan, ctx) -> transport(scan)).forFramework(HIPAA),
                TreeRule.of("compliance.iso27001.access-control", Severity.WARNING,
                        "ISO 27001: authentication or access control is configured and not disabled",
                        (scan, ctx) -> present(scan, Set.of("authentication", "authorization", "auth", "rbac",
                                "access_control", "jwt", "security"), "access control",
                                "add an authentication/access_control section")).forFramework(ISO27001),
                TreeRule.of("compliance.iso27001.monitoring", Severity.WARNING,
                        "ISO 27001: logging or monitoring is configured and not disabled",
                        (scan, ctx) -> present(scan, Set.of("monitoring", "health_monitoring", "logging",
                                "observability", "metrics", "audit"), "logging or monitoring",
                                "add a monitoring or logging section")).forFramework(ISO27001)), cache);
    }

    private static Optional<Hit> gdprSection(Scan scan) {
        return scan.byKey(GDPR_SECTIONS::contains).stream().filter(h -> h.object().isPresent()).findFirst();
    }

    private static void gdprFlag(Scan scan, String key, String alternative) {
        Optional<Hit> section = gdprSection(scan);
        if (section.isEmpty()) {
            scan.failMissing(ConfigPath.of("gdpr_compliance", key), "no GDPR settings (gdpr_compliance) found",
                    "add gdpr_compliance." + key + ": true");
            return;
        }
        Optional<Hit> flag = section.get().child(key, alternative);
        if (flag.isEmpty()) {
            scan.failMissing(section.get().path().child(key), key + " is not set", "set " + key + ": true");
        } else if (!flag.get().bool().orElse(false)) {
            scan.fail(flag.get(), key + " must be true under GDPR", "set " + key + ": true");
        }
    }

    private static void retention(Scan scan, CompliancePolicy policy) {
        Optional<Hit> section = gdprSection(scan);
        Optional<Hit> retention = section.flatMap(s -> s.child("data_retention", "retention", "retention_days",
                "retention_periods"));
        if (retention.isEmpty()) {
            retention = scan.byKey("data_retention", "retention_periods").stream()
                    .filter(h -> h.object().isPresent()).findFirst();
        }
        if (retention.isEmpty() || retention.get().object().isEmpty()) {
            ConfigPath where = section.map(Hit::path).orElse(ConfigPath.of("gdpr_compliance")).child("data_retention");
            scan.failMissing(where, "no data retention periods declared",
                    "declare data_retention with <data class>_days for each class of personal data");
            return;
        }
        for (Hit period : retention.get().children()) {
            String key = period.key();
            OptionalDouble days = period.number();
            if (days.isEmpty()) {
                continue; // the schema's job
            }
            String dataClass = key.endsWith("_days") ? key.substring(0, key.length() - 5) : key;
            int max = policy.maxRetentionDaysFor(dataClass);
            if (days.getAsDouble() > max) {
                scan.fail(period, "retention of " + dataClass + " is " + SecurityRules.fmt(days.getAsDouble())
                        + " days, above the documented maximum of " + max, "set it to at most " + max + " days");
            } else if (days.getAsDouble() < 0) {
                scan.fail(period, "retention of " + dataClass + " is negative", "set it to a number of days");
            }
        }
    }

    private static boolean enabled(Hit hit) {
        if (hit.bool().isPresent()) {
            return hit.bool().get();
        }
        if (hit.object().isPresent()) {
            return hit.child("enabled").flatMap(Hit::bool).orElse(true);
        }
        return false;
    }

    private static void auditTrail(Scan scan) {
        boolean on = scan.byKey(k -> k.equals("audit") || k.equals("audit_log") || k.equals("audit_logging")
                || k.equals("audit_enabled") || k.equals("enable_audit") || k.equals("audit_trail")).stream()
                .anyMatch(ComplianceRules::enabled);
        if (!on) {
            scan.failMissing(ConfigPath.of("audit", "enabled"), "no enabled audit trail found",
                    "add audit: {enabled: true} (or set CONFIG_AUDIT_ENABLED=true)");
        }
    }

    private static void auditRetention(Scan scan, CompliancePolicy policy) {
        List<Hit> audits = scan.byKey(k -> k.startsWith("audit")).stream().filter(h -> h.object().isPresent()).toList();
        for (Hit audit : audits) {
            Optional<Hit> days = audit.child("retention_days", "retention");
            if (days.isPresent() && days.get().number().isPresent()) {
                double d = days.get().number().getAsDouble();
                if (d < policy.minAuditRetentionDays()) {
                    scan.fail(days.get(), "audit records are kept " + SecurityRules.fmt(d) + " days, less than "
                            + policy.minAuditRetentionDays(), "keep them at least " + policy.minAuditRetentionDays()
                            + " days");
                }
                return;
            }
        }
        scan.failMissing(ConfigPath.of("audit", "retention_days"), "no audit record retention declared",
                "set audit.retention_days to at least " + policy.minAuditRetentionDays());
    }

    private static void encryptionAtRest(Scan scan) {
        boolean on = scan.byKey(k -> k.equals("encryption_at_rest") || k.equals("at_rest_encryption")
                || k.equals("encrypt_at_rest") || k.equals("at_rest")).stream().anyMatch(ComplianceRules::enabled);
        if (!on) {
            scan.failMissing(ConfigPath.of("security", "encryption_at_rest"), "encryption at rest is not enabled",
                    "set security.encryption_at_rest: true");
        }
    }

    private static void transport(Scan scan) {
        for (Hit hit : scan.all()) {
            if (hit.path().isRoot()) {
                continue;
            }
            if (TLS_OFF_SWITCHES.contains(hit.key()) && hit.bool().isPresent() && !hit.bool().get()) {
                scan.fail(hit, "transport encryption is switched off", "set it to true");
            } else if (hit.node() instanceof ConfigScalar s && s.type() == ScalarType.STRING
                    && s.text().trim().regionMatches(true, 0, "http://", 0, 7)
                    && !s.text().trim().matches("(?i)http://(localhost|127\\.0\\.0\\.1|\\[::1]|0\\.0\\.0\\.0)([:/].*)?")) {
                scan.fail(hit, "plain HTTP URL to a remote host", "use https://");
            }
        }
    }

    private static void present(Scan scan, Set<String> keys, String what, String fix) {
        List<Hit> found = scan.byKey(keys::contains);
        if (found.stream().noneMatch(ComplianceRules::enabled)) {
            scan.failMissing(ConfigPath.root(), "no enabled " + what + " configuration found", fix);
        }
    }
}
