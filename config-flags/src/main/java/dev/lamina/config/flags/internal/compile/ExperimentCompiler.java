package dev.lamina.config.flags.internal.compile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.flags.Variant;
import dev.lamina.config.flags.internal.eval.CompiledExperiment;
import dev.lamina.config.flags.internal.eval.Stickiness;
import dev.lamina.config.spi.Suggestions;

/**
 * Compiles the {@code experiments:} section: the split in basis points (largest remainder, in declaration order),
 * the window, configurations, success metrics and exclusion ranges (checked for overlaps within each group).
 */
final class ExperimentCompiler {

    private static final Set<String> EXPERIMENT_KEYS = NodeReader.keys("description", "enabled", "start_date", "end_date",
            "traffic_split", "configurations", "success_metrics", "stickiness", "exclusion_group", "exclusion_range");

    private record Range(String experiment, double start, double end, ConfigNode node, ConfigPath path) {
    }

    private final NodeReader in;
    private final Clock clock;

    ExperimentCompiler(NodeReader in, Clock clock) {
        this.in = in;
        this.clock = clock;
    }

    /**
     * @param section the {@code experiments:} object, or {@code null} when absent
     * @return the experiments by key, in declaration order (problems are recorded in the reader)
     */
    Map<String, CompiledExperiment> compile(ConfigObject section) {
        Map<String, CompiledExperiment> experiments = new LinkedHashMap<>();
        List<Range> ranges = new ArrayList<>();
        Map<String, String> groups = new HashMap<>();
        if (section != null) {
            ConfigPath base = ConfigPath.of("experiments");
            section.entries().forEach((key, node) -> {
                CompiledExperiment e = experiment(key, node, base.child(key), ranges, groups);
                if (e != null) {
                    experiments.put(key, e);
                }
            });
        }
        checkExclusionRanges(ranges, groups);
        return experiments;
    }

    private CompiledExperiment experiment(String key, ConfigNode node, ConfigPath path, List<Range> ranges,
                                          Map<String, String> groups) {
        if (key.isBlank()) {
            in.problem(node, path, "an experiment key must not be blank");
            return null;
        }
        ConfigObject o = in.object(node, path);
        if (o == null) {
            return null;
        }
        int before = in.problems().size();
        in.checkKeys(o, path, EXPERIMENT_KEYS);
        Map<String, ConfigNode> e = o.entries();
        String description = e.containsKey("description")
                ? NodeReader.orElse(in.text(e.get("description"), path.child("description")), "") : "";
        boolean enabled = !e.containsKey("enabled") || NodeReader.orElse(in.bool(e.get("enabled"), path.child("enabled")), true);
        Instant start = e.containsKey("start_date") ? in.instant(e.get("start_date"), path.child("start_date")) : null;
        Instant end = e.containsKey("end_date") ? in.instant(e.get("end_date"), path.child("end_date")) : null;
        if (start != null && end != null && !end.isAfter(start)) {
            in.problem(e.get("end_date"), path.child("end_date"), "end_date must be after start_date");
        }
        Stickiness stickiness = e.containsKey("stickiness")
                ? in.stickiness(e.get("stickiness"), path.child("stickiness")) : Stickiness.DEFAULT;
        List<String> names = new ArrayList<>();
        int[] basisPoints = new int[0];
        if (!e.containsKey("traffic_split")) {
            in.problem(o, path, "an experiment needs 'traffic_split' (variant: percent, summing to 100)");
        } else {
            basisPoints = split(e.get("traffic_split"), path.child("traffic_split"), names);
        }
        Map<String, ConfigObject> configs = new HashMap<>();
        if (e.containsKey("configurations")) {
            ConfigPath cp = path.child("configurations");
            ConfigObject co = in.object(e.get("configurations"), cp);
            if (co != null) {
                co.entries().forEach((variant, cfg) -> {
                    if (!names.contains(variant)) {
                        in.problem(cfg, cp.child(variant), "unknown variant '" + variant + "': not in traffic_split"
                                + Suggestions.didYouMean(variant, names));
                    }
                    ConfigObject c = in.object(cfg, cp.child(variant));
                    if (c != null) {
                        configs.put(variant, c);
                    }
                });
            }
        }
        List<String> metrics = e.containsKey("success_metrics")
                ? NodeReader.orElse(in.texts(e.get("success_metrics"), path.child("success_metrics")), List.of()) : List.of();
        String group = e.containsKey("exclusion_group")
                ? in.string(e.get("exclusion_group"), path.child("exclusion_group")) : null;
        double rangeStart = 0;
        double rangeEnd = 100;
        if (e.containsKey("exclusion_range")) {
            ConfigPath rp = path.child("exclusion_range");
            ConfigList rl = in.list(e.get("exclusion_range"), rp);
            if (rl != null && rl.size() != 2) {
                in.problem(rl, rp, "exclusion_range needs two numbers [start, end) in percent");
            } else if (rl != null) {
                Double s = in.percentage(rl.items().get(0), rp.child(0));
                Double en = in.percentage(rl.items().get(1), rp.child(1));
                if (s != null && en != null) {
                    if (en <= s) {
                        in.problem(rl, rp, "exclusion_range end must be greater than its start");
                    } else {
                        rangeStart = s;
                        rangeEnd = en;
                        if (group == null) {
                            in.problem(rl, rp, "exclusion_range needs exclusion_group");
                        } else {
                            ranges.add(new Range(key, s, en, rl, rp));
                            groups.put(key, group);
                        }
                    }
                }
            }
        } else if (group != null) {
            in.problem(e.get("exclusion_group"), path.child("exclusion_group"),
                    "exclusion_group needs exclusion_range: [start, end) in percent");
        }
        if (in.problems().size() > before) {
            return null;
        }
        List<ConfigObject> configurations = new ArrayList<>();
        List<Map<String, Object>> values = new ArrayList<>();
        for (String n : names) {
            ConfigObject c = configs.getOrDefault(n, ConfigObject.empty(o.origin()));
            configurations.add(c);
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) Trees.unwrap(c);
            values.add(m);
        }
        return new CompiledExperiment(key, description, enabled, start, end, clock, stickiness, names, basisPoints,
                configurations, values, metrics, group, rangeStart, rangeEnd);
    }

    /** Reads the split and converts it to basis points by largest remainder, ties to the earlier variant. */
    private int[] split(ConfigNode node, ConfigPath path, List<String> names) {
        ConfigObject o = in.object(node, path);
        if (o == null) {
            return new int[0];
        }
        if (o.isEmpty()) {
            in.problem(o, path, "traffic_split must name at least one variant");
            return new int[0];
        }
        if (o.entries().size() > 250) {
            // The variant index is packed into 8 bits of an assignment (see CompiledExperiment#assign).
            in.problem(o, path, "traffic_split may name at most 250 variants");
            return new int[0];
        }
        List<BigDecimal> percents = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        boolean ok = true;
        for (Map.Entry<String, ConfigNode> en : o.entries().entrySet()) {
            Double check = in.percentage(en.getValue(), path.child(en.getKey()));
            if (check == null) {
                ok = false;
                continue;
            }
            if (Variant.DISABLED_NAME.equals(en.getKey()) || en.getKey().isBlank()) {
                in.problem(en.getValue(), path.child(en.getKey()), "invalid variant name '" + en.getKey() + "'");
                ok = false;
                continue;
            }
            BigDecimal p = in.decimal(en.getValue(), path.child(en.getKey()));
            names.add(en.getKey());
            percents.add(p);
            sum = sum.add(p);
        }
        if (!ok) {
            return new int[0];
        }
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            in.problem(o, path, "traffic_split must sum to 100, found " + sum.stripTrailingZeros().toPlainString());
            return new int[0];
        }
        int n = percents.size();
        int[] bp = new int[n];
        BigDecimal[] remainders = new BigDecimal[n];
        int assigned = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal exact = percents.get(i).movePointRight(2);
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            bp[i] = floor.intValueExact();
            remainders[i] = exact.subtract(floor);
            assigned += bp[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < 10_000 - assigned; k++) {
            bp[order.get(k)]++;
        }
        return bp;
    }

    private void checkExclusionRanges(List<Range> ranges, Map<String, String> groups) {
        Map<String, List<Range>> byGroup = new LinkedHashMap<>();
        for (Range r : ranges) {
            byGroup.computeIfAbsent(groups.get(r.experiment()), g -> new ArrayList<>()).add(r);
        }
        byGroup.forEach((group, list) -> {
            List<Range> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingDouble(Range::start));
            for (int i = 1; i < sorted.size(); i++) {
                Range prev = sorted.get(i - 1);
                Range cur = sorted.get(i);
                if (cur.start() < prev.end()) {
                    in.problem(cur.node(), cur.path(), "exclusion_range overlaps experiment '" + prev.experiment()
                            + "' in exclusion group '" + group + "'; ranges in one group must not overlap");
                }
            }
        });
    }
}
