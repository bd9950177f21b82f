package dev.lamina.config.flags.internal.eval;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.flags.AssignmentReason;
import dev.lamina.config.flags.ExperimentSummary;
import dev.lamina.config.flags.internal.bucket.Bucketing;
import dev.lamina.config.flags.internal.bucket.HashPrefix;
import dev.lamina.config.flags.internal.context.AttributeValue;
import dev.lamina.config.flags.internal.context.ContextData;

/**
 * One compiled experiment: a split in basis points (summing to 10000, in declaration order), a time window, an
 * optional exclusion group range, and each variant's configuration. {@link #assign} allocates nothing.
 */
public final class CompiledExperiment {

    private static final AssignmentReason[] REASONS = AssignmentReason.values();

    private final String key;
    private final String description;
    private final boolean enabled;
    private final Instant start;
    private final Instant end;
    private final long startMillis;
    private final long endMillis;
    private final Clock clock;
    private final Stickiness stickiness;
    private final HashPrefix prefix;
    private final String[] names;
    private final int[] basisPoints;
    private final int[] cumulative;
    private final Optional<String>[] optionalNames;
    private final ConfigObject[] configurations;
    private final Map<String, Object>[] configurationValues;
    private final List<String> successMetrics;
    private final String exclusionGroup;
    private final HashPrefix groupPrefix;
    private final double rangeStart;
    private final double rangeEnd;

    /**
     * @param key                 the key
     * @param description         the description
     * @param enabled             the kill switch
     * @param start               the start (inclusive), or {@code null}
     * @param end                 the end (exclusive), or {@code null}
     * @param clock               the clock for the window
     * @param stickiness          the stickiness
     * @param names               the variant names in declaration order
     * @param basisPoints         each variant's basis points, summing to 10000
     * @param configurations      each variant's configuration
     * @param configurationValues each variant's configuration as plain values
     * @param successMetrics      the success metrics
     * @param exclusionGroup      the exclusion group, or {@code null}
     * @param rangeStart          the group range start in percent (inclusive)
     * @param rangeEnd            the group range end in percent (exclusive)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public CompiledExperiment(String key, String description, boolean enabled, Instant start, Instant end,
                              Clock clock, Stickiness stickiness, List<String> names, int[] basisPoints,
                              List<ConfigObject> configurations, List<Map<String, Object>> configurationValues,
                              List<String> successMetrics, String exclusionGroup, double rangeStart,
                              double rangeEnd) {
        this.key = key;
        this.description = description;
        this.enabled = enabled;
        this.start = start;
        this.end = end;
        this.startMillis = start == null ? Long.MIN_VALUE : start.toEpochMilli();
        this.endMillis = end == null ? Long.MAX_VALUE : end.toEpochMilli();
        this.clock = clock;
        this.stickiness = stickiness;
        this.prefix = HashPrefix.of(key, Bucketing.VARIANT_SEED);
        this.names = names.toArray(String[]::new);
        this.basisPoints = basisPoints.clone();
        this.cumulative = new int[basisPoints.length];
        int sum = 0;
        this.optionalNames = (Optional<String>[]) new Optional<?>[this.names.length];
        for (int i = 0; i < basisPoints.length; i++) {
            sum += basisPoints[i];
            cumulative[i] = sum;
            optionalNames[i] = Optional.of(this.names[i]);
        }
        this.configurations = configurations.toArray(ConfigObject[]::new);
        this.configurationValues = configurationValues.toArray(Map[]::new);
        this.successMetrics = List.copyOf(successMetrics);
        this.exclusionGroup = exclusionGroup;
        this.groupPrefix = exclusionGroup == null ? null : HashPrefix.of("group:" + exclusionGroup, 0);
        this.rangeStart = rangeStart;
        this.rangeEnd = rangeEnd;
    }

    /** @return the key */
    public String key() {
        return key;
    }

    /**
     * Packed result: bits 0–7 the {@link AssignmentReason} ordinal, bits 8–15 the variant index + 1, bits 16–30
     * the bucket (1..10000, 0 = none).
     *
     * @param ctx the context
     * @return the packed assignment
     */
    public int assign(ContextData ctx) {
        if (!enabled) {
            return AssignmentReason.DISABLED.ordinal();
        }
        if (startMillis != Long.MIN_VALUE || endMillis != Long.MAX_VALUE) {
            long now = clock.millis();
            if (now < startMillis) {
                return AssignmentReason.NOT_STARTED.ordinal();
            }
            if (now >= endMillis) {
                return AssignmentReason.ENDED.ordinal();
            }
        }
        AttributeValue sticky = stickiness.rolloutValue(ctx);
        if (sticky == null) {
            return AssignmentReason.MISSING_STICKINESS.ordinal();
        }
        boolean random = sticky == Stickiness.RANDOM;
        if (groupPrefix != null) {
            int slot = (random ? Bucketing.randomBucket(100) : Bucketing.normalizedHash(groupPrefix, sticky, 100)) - 1;
            if (slot < rangeStart || slot >= rangeEnd) {
                return AssignmentReason.EXCLUDED_BY_GROUP.ordinal();
            }
        }
        int bucket = random ? Bucketing.randomBucket(10_000) : Bucketing.normalizedHash(prefix, sticky, 10_000);
        for (int i = 0; i < cumulative.length; i++) {
            if (basisPoints[i] > 0 && cumulative[i] >= bucket) {
                return AssignmentReason.ASSIGNED.ordinal() | (i + 1) << 8 | bucket << 16;
            }
        }
        return AssignmentReason.ERROR.ordinal(); // unreachable: the basis points sum to 10000
    }

    /** @param packed a packed assignment @return its reason */
    public static AssignmentReason reason(int packed) {
        return REASONS[packed & 0xFF];
    }

    /** @param packed a packed assignment @return the variant index, or -1 */
    public static int variantIndex(int packed) {
        return ((packed >>> 8) & 0xFF) - 1;
    }

    /** @param packed a packed assignment @return the bucket, or 0 */
    public static int bucket(int packed) {
        return packed >>> 16;
    }

    /** @param index a variant index @return the pre-built optional name */
    public Optional<String> optionalName(int index) {
        return optionalNames[index];
    }

    /** @param index a variant index @return the configuration */
    public ConfigObject configuration(int index) {
        return configurations[index];
    }

    /** @param index a variant index @return the configuration as plain values */
    public Map<String, Object> configurationValues(int index) {
        return configurationValues[index];
    }

    /** @param variant a variant name @return its index, or -1 */
    public int indexOf(String variant) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(variant)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the exclusion group, or {@code null} */
    public String exclusionGroup() {
        return exclusionGroup;
    }

    /** @return the summary */
    public ExperimentSummary summary() {
        Map<String, Integer> split = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            split.put(names[i], basisPoints[i]);
        }
        return new ExperimentSummary(key, description, enabled, Optional.ofNullable(start), Optional.ofNullable(end),
                split, successMetrics, Optional.ofNullable(exclusionGroup));
    }
}
