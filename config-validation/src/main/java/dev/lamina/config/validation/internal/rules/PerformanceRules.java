package dev.lamina.config.validation.internal.rules;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import dev.lamina.config.ConfigScalar;
import dev.lamina.config.validation.Severity;
import dev.lamina.config.validation.ValidationRule;
import dev.lamina.config.validation.internal.rules.Scan.Hit;
import dev.lamina.config.validation.internal.tree.Values;
import dev.lamina.config.validation.rules.PerformancePolicy;

/** The performance sanity pack; each rule is documented in {@code docs/rule-packs.md}. */
public final class PerformanceRules {

    private static final String[] POOL_MIN = {"min_size", "min_connections", "min_idle", "minimum_idle",
        "min_pool_size", "pool_min", "min_workers"};
    private static final String[] POOL_MAX = {"max_size", "max_connections", "max_pool_size", "maximum_pool_size",
        "pool_max", "pool_size", "max_workers"};
    private static final Set<String> POOL_SIZE_KEYS = Set.of("pool_size", "db_pool_size", "max_pool_size",
            "connection_pool_size", "max_connections", "worker_threads", "max_workers");

    private PerformanceRules() {
    }

    /**
     * @param policy thresholds
     * @param cache   the index cache the rules share (with other packs' too, when built together)
     * @return the pack's rules
     */
    public static List<ValidationRule> create(PerformancePolicy policy, IndexCache cache) {
        return TreeRule.sharing(List.of(
                TreeRule.of("performance.pool-size", Severity.ERROR,
                        "connection and worker pools have 0 <= min <= max, 1 <= max <= the policy's ceiling",
                        (scan, ctx) -> pools(scan, policy)),
                TreeRule.of("performance.timeout", Severity.WARNING,
                        "timeouts are positive and at most the policy's ceiling",
                        (scan, ctx) -> timeouts(scan, policy)),
                TreeRule.of("performance.cache-sanity", Severity.ERROR,
                        "cache TTLs and sizes are positive and within the policy's ceilings",
                        (scan, ctx) -> caches(scan, policy)),
                TreeRule.of("performance.replica-bounds", Severity.ERROR,
                        "replica counts satisfy 0 <= min_replicas <= max_replicas <= the policy's ceiling",
                        (scan, ctx) -> replicas(scan, policy))), cache);
    }

    private static void pools(Scan scan, PerformancePolicy policy) {
        java.util.Set<dev.lamina.config.ConfigPath> checked = new java.util.HashSet<>();
        for (Hit hit : scan.all()) {
            if (hit.object().isEmpty() || hit.pathMentions("cache")) {
                continue; // a cache's max_size is memory, not connections
            }
            Optional<Hit> min = hit.child(POOL_MIN);
            Optional<Hit> max = hit.child(POOL_MAX);
            OptionalDouble lo = min.map(Hit::number).orElse(OptionalDouble.empty());
            OptionalDouble hi = max.map(Hit::number).orElse(OptionalDouble.empty());
            if (lo.isPresent() && lo.getAsDouble() < 0) {
                scan.fail(min.get(), "pool minimum " + SecurityRules.fmt(lo.getAsDouble()) + " is negative",
                        "use 0 or more");
            }
            if (lo.isPresent() && hi.isPresent() && lo.getAsDouble() > hi.getAsDouble()) {
                scan.fail(min.get(), "pool minimum " + SecurityRules.fmt(lo.getAsDouble()) + " is above its maximum "
                        + SecurityRules.fmt(hi.getAsDouble()), "make " + min.get().path().last() + " <= "
                        + max.get().path().last());
            }
            if (hi.isPresent() && lo.isPresent()) {
                checked.add(max.get().path());
                checkCeiling(scan, max.get(), hi.getAsDouble(), policy);
            }
        }
        for (Hit hit : scan.byKey(POOL_SIZE_KEYS::contains)) {
            if (hit.pathMentions("cache") || checked.contains(hit.path())) {
                continue;
            }
            OptionalDouble n = hit.number();
            if (n.isPresent()) {
                checkCeiling(scan, hit, n.getAsDouble(), policy);
            }
        }
    }

    private static void checkCeiling(Scan scan, Hit hit, double value, PerformancePolicy policy) {
        if (value < 1) {
            scan.fail(hit, "pool size " + SecurityRules.fmt(value) + " leaves no connection or worker",
                    "use at least 1");
        } else if (value > policy.maxPoolSize()) {
            scan.fail(hit, "pool size " + SecurityRules.fmt(value) + " is above " + policy.maxPoolSize(),
                    "use at most " + policy.maxPoolSize());
        }
    }

    private static void timeouts(Scan scan, PerformancePolicy policy) {
        for (Hit hit : scan.byKey(k -> k.equals("timeout") || k.endsWith("_timeout") || k.startsWith("timeout_"))) {
            if (!(hit.node() instanceof ConfigScalar)) {
                continue;
            }
            Optional<Duration> d = Values.duration(hit.key(), hit.node());
            if (d.isEmpty()) {
                continue;
            }
            if (d.get().isZero() || d.get().isNegative()) {
                scan.fail(hit, "timeout " + scan.show(hit) + " is not positive (0 often means wait forever)",
                        "use a positive timeout");
            } else if (d.get().compareTo(policy.maxTimeout()) > 0) {
                scan.fail(hit, "timeout " + SecurityRules.human(d.get()) + " is longer than "
                        + SecurityRules.human(policy.maxTimeout()), "use at most "
                        + SecurityRules.human(policy.maxTimeout()));
            }
        }
    }

    private static void caches(Scan scan, PerformancePolicy policy) {
        for (Hit hit : scan.all()) {
            if (hit.path().isRoot() || !(hit.node() instanceof ConfigScalar) || !hit.pathMentions("cach")) {
                continue;
            }
            String key = hit.key();
            if (key.equals("ttl") || key.startsWith("ttl_") || key.endsWith("_ttl") || key.equals("expire_after_write")
                    || key.equals("expire_after_access")) {
                Optional<Duration> d = Values.duration(key, hit.node());
                if (d.isPresent() && (d.get().isZero() || d.get().isNegative())) {
                    scan.fail(hit, "cache TTL " + scan.show(hit) + " is not positive", "use a positive TTL");
                } else if (d.isPresent() && d.get().compareTo(policy.maxCacheTtl()) > 0) {
                    scan.fail(hit, "cache TTL " + SecurityRules.human(d.get()) + " is longer than "
                            + SecurityRules.human(policy.maxCacheTtl()), "use at most "
                            + SecurityRules.human(policy.maxCacheTtl()));
                }
            } else if (key.equals("size") || key.equals("max_size") || key.equals("capacity")
                    || key.equals("max_memory") || key.equals("memory")) {
                OptionalLong b = Values.bytes(hit.node());
                if (b.isPresent() && b.getAsLong() <= 0) {
                    scan.fail(hit, "cache size " + scan.show(hit) + " is not positive", "use a positive size");
                } else if (b.isPresent() && b.getAsLong() > policy.maxCacheBytes()) {
                    scan.fail(hit, "cache size " + scan.show(hit) + " is above the ceiling of "
                            + policy.maxCacheBytes() + " bytes", "use a smaller cache");
                }
            } else if (key.equals("max_entries") || key.equals("maximum_size") || key.equals("max_items")) {
                OptionalDouble n = hit.number();
                if (n.isPresent() && n.getAsDouble() <= 0) {
                    scan.fail(hit, "cache entry limit " + scan.show(hit) + " is not positive", "use a positive limit");
                }
            }
        }
    }

    private static void replicas(Scan scan, PerformancePolicy policy) {
        for (Hit hit : scan.all()) {
            if (hit.object().isEmpty()) {
                continue;
            }
            Optional<Hit> min = hit.child("min_replicas", "min_instances", "minimum_replicas");
            Optional<Hit> max = hit.child("max_replicas", "max_instances", "maximum_replicas");
            OptionalDouble lo = min.map(Hit::number).orElse(OptionalDouble.empty());
            OptionalDouble hi = max.map(Hit::number).orElse(OptionalDouble.empty());
            if (lo.isPresent() && lo.getAsDouble() < 0) {
                scan.fail(min.get(), "min_replicas is negative", "use 0 or more");
            }
            if (hi.isPresent() && hi.getAsDouble() < 1) {
                scan.fail(max.get(), "max_replicas " + SecurityRules.fmt(hi.getAsDouble()) + " allows no replica",
                        "use at least 1");
            }
            if (lo.isPresent() && hi.isPresent() && lo.getAsDouble() > hi.getAsDouble()) {
                scan.fail(min.get(), "min_replicas " + SecurityRules.fmt(lo.getAsDouble()) + " is above max_replicas "
                        + SecurityRules.fmt(hi.getAsDouble()), "make min_replicas <= max_replicas");
            }
            if (hi.isPresent() && hi.getAsDouble() > policy.maxReplicas()) {
                scan.fail(max.get(), "max_replicas " + SecurityRules.fmt(hi.getAsDouble()) + " is above "
                        + policy.maxReplicas(), "use at most " + policy.maxReplicas());
            }
        }
    }
}
