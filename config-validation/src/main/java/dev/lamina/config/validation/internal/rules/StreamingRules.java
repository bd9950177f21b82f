package dev.lamina.config.validation.internal.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

import dev.lamina.config.ConfigList;
import dev.lamina.config.validation.Severity;
import dev.lamina.config.validation.ValidationRule;
import dev.lamina.config.validation.internal.rules.Scan.Hit;
import dev.lamina.config.validation.internal.tree.Values;
import dev.lamina.config.validation.examples.StreamingPolicy;

/** The music-streaming business rules; each is documented in {@code docs/rule-packs.md}. */
public final class StreamingRules {

    private static final List<String> TIERS = List.of("premium", "high", "normal", "low");

    private StreamingRules() {
    }

    /**
     * @param policy thresholds
     * @param cache   the index cache the rules share (with other packs' too, when built together)
     * @return the pack's rules
     */
    public static List<ValidationRule> create(StreamingPolicy policy, IndexCache cache) {
        return TreeRule.sharing(List.of(
                TreeRule.of("streaming.bitrate-order", Severity.ERROR,
                        "bitrates are ordered premium >= high >= normal >= low",
                        (scan, ctx) -> bitrates(scan)),
                TreeRule.of("streaming.codecs", Severity.ERROR,
                        "audio codecs come from the known list",
                        (scan, ctx) -> codecs(scan, policy)),
                TreeRule.of("streaming.segment-priority-unique", Severity.ERROR,
                        "user segments have distinct priority levels",
                        (scan, ctx) -> priorities(scan)),
                TreeRule.of("streaming.recommendation-weights", Severity.ERROR,
                        "recommendation weights sum to 1.0",
                        (scan, ctx) -> weights(scan, policy)),
                TreeRule.of("streaming.ab-traffic-split", Severity.ERROR,
                        "A/B test traffic splits sum to 100",
                        (scan, ctx) -> splits(scan, policy))), cache);
    }

    private static void bitrates(Scan scan) {
        for (Hit hit : scan.byKey(k -> k.contains("bitrate"))) {
            if (hit.object().isEmpty()) {
                continue;
            }
            Map<String, Hit> byTier = new HashMap<>();
            for (String tier : TIERS) {
                hit.child(tier).filter(t -> Values.leadingNumber(t.node()).isPresent()).ifPresent(t -> byTier.put(tier, t));
            }
            checkOrder(scan, byTier);
        }
        // Also the layout audio_quality: {premium: {bitrate: 320}, high: {bitrate: 256}, ...}
        for (Hit hit : scan.byKey(k -> k.equals("audio_quality") || k.equals("quality_tiers") || k.equals("tiers"))) {
            Map<String, Hit> byTier = new HashMap<>();
            for (String tier : TIERS) {
                hit.child(tier).flatMap(t -> t.child("bitrate", "bitrate_kbps"))
                        .filter(t -> Values.leadingNumber(t.node()).isPresent()).ifPresent(t -> byTier.put(tier, t));
            }
            checkOrder(scan, byTier);
        }
    }

    private static void checkOrder(Scan scan, Map<String, Hit> byTier) {
        String previousTier = null;
        double previous = Double.POSITIVE_INFINITY;
        for (String tier : TIERS) {
            Hit h = byTier.get(tier);
            if (h == null) {
                continue;
            }
            double v = Values.leadingNumber(h.node()).getAsDouble();
            if (v > previous) {
                scan.fail(h, "bitrate of '" + tier + "' (" + SecurityRules.fmt(v) + ") is above '" + previousTier
                        + "' (" + SecurityRules.fmt(previous) + ")", "keep premium >= high >= normal >= low");
            }
            if (v <= 0) {
                scan.fail(h, "bitrate of '" + tier + "' must be positive", "use a bitrate in kbps, such as 128");
            }
            previous = v;
            previousTier = tier;
        }
    }

    private static void codecs(Scan scan, StreamingPolicy policy) {
        for (Hit hit : scan.byKey("codecs", "supported_codecs", "audio_codecs", "codec")) {
            List<Hit> items = hit.node() instanceof ConfigList ? hit.children() : List.of(hit);
            for (Hit item : items) {
                Optional<String> codec = Values.text(item.node()).map(t -> t.trim().toLowerCase(Locale.ROOT));
                if (codec.isEmpty() || !policy.knownCodecs().contains(codec.get())) {
                    scan.fail(item, "unknown audio codec " + scan.show(item),
                            "use one of " + new TreeSet<>(policy.knownCodecs()));
                }
            }
        }
    }

    private static void priorities(Scan scan) {
        for (Hit segments : scan.byKey("user_segments", "segments")) {
            if (segments.object().isEmpty()) {
                continue;
            }
            List<Hit> levels = new ArrayList<>();
            segments.child("priority_levels", "priorities").ifPresent(p -> levels.addAll(p.children()));
            for (Hit segment : segments.children()) {
                segment.child("priority", "priority_level").ifPresent(levels::add);
            }
            Map<Double, Hit> seen = new HashMap<>();
            for (Hit level : levels) {
                OptionalDouble n = level.number();
                if (n.isEmpty()) {
                    continue;
                }
                Hit first = seen.putIfAbsent(n.getAsDouble(), level);
                if (first != null) {
                    scan.fail(level, "priority " + SecurityRules.fmt(n.getAsDouble()) + " of '" + owner(level)
                                    + "' is also the priority of '" + owner(first) + "'",
                            "give every segment its own priority level");
                }
            }
        }
    }

    private static String owner(Hit level) {
        String key = level.path().last();
        return key.startsWith("priority") ? level.path().parent().last() : key;
    }

    private static void weights(Scan scan, StreamingPolicy policy) {
        for (Hit hit : scan.byKey(k -> k.equals("weights") || k.endsWith("_weights"))) {
            if (!hit.pathMentions("recommend")) {
                continue;
            }
            sumTo(scan, hit, 1.0, policy.tolerance(), "recommendation weights", "scale the weights so they sum to 1.0");
        }
    }

    private static void splits(Scan scan, StreamingPolicy policy) {
        for (Hit hit : scan.byKey("traffic_split", "traffic_allocation", "traffic_splits")) {
            sumTo(scan, hit, 100.0, policy.tolerance(), "traffic split", "adjust the split so it sums to 100");
        }
        for (Hit hit : scan.byKey("variants")) {
            if (!(hit.node() instanceof ConfigList) || !(hit.pathMentions("ab_test") || hit.pathMentions("experiment"))) {
                continue;
            }
            List<Hit> shares = new ArrayList<>();
            for (Hit variant : hit.children()) {
                variant.child("traffic_percentage", "percentage", "traffic").ifPresent(shares::add);
            }
            if (!shares.isEmpty() && shares.size() == hit.children().size()) {
                double sum = 0;
                for (Hit s : shares) {
                    sum += s.number().orElse(Double.NaN);
                }
                if (!Double.isNaN(sum) && Math.abs(sum - 100.0) > policy.tolerance()) {
                    scan.fail(hit, "variant traffic percentages sum to " + SecurityRules.fmt(sum) + ", not 100",
                            "adjust the percentages so they sum to 100");
                }
            }
        }
    }

    private static void sumTo(Scan scan, Hit hit, double target, double tolerance, String what, String fix) {
        List<Hit> parts = hit.children();
        if (parts.isEmpty()) {
            return;
        }
        double sum = 0;
        for (Hit part : parts) {
            OptionalDouble n = part.number();
            if (n.isEmpty()) {
                return; // not a plain table of numbers; the schema's job
            }
            if (n.getAsDouble() < 0) {
                scan.fail(part, what + " contain a negative share", "use shares >= 0");
            }
            sum += n.getAsDouble();
        }
        if (Math.abs(sum - target) > tolerance) {
            scan.fail(hit, what + " sum to " + round(sum) + ", not " + SecurityRules.fmt(target), fix);
        }
    }

    private static String round(double v) {
        return SecurityRules.fmt(Math.round(v * 1e9) / 1e9);
    }
}
