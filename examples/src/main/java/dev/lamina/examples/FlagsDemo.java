package dev.lamina.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Principal;
import dev.lamina.config.Snapshot;
import dev.lamina.config.flags.AbTestConfiguration;
import dev.lamina.config.flags.DynamicConfigurationManager;
import dev.lamina.config.flags.EvaluationContext;
import dev.lamina.config.flags.FlagDefinitions;
import dev.lamina.config.flags.FlagEvaluation;
import dev.lamina.config.flags.FlagKey;
import dev.lamina.config.flags.FlagStatus;
import dev.lamina.config.flags.TrafficSplit;

/**
 * Feature flags and an A/B test on {@code examples/config} through {@link DynamicConfigurationManager}: the flag
 * status page, a typed application flag, an evaluation with its reason, a runtime rollout (a new version), an A/B
 * test created at run time with each variant's configuration merged over the base for one user, and a rollback
 * that takes it all back. Runtime changes stay in memory (no persist file), so the files are never modified.
 *
 * <p>Arguments: {@code --config DIR [ENV]} (ENV defaults to {@code staging}), e.g.
 * {@code java -cp ... dev.lamina.examples.FlagsDemo --config examples/config staging}.
 */
public final class FlagsDemo {

    /** Flags the application adds to the product's {@link FeatureFlags}. */
    enum MyFlags implements FlagKey {
        EXPERIMENTAL_AUDIO_ENHANCEMENT,
        BETA_SOCIAL_FEATURES;

        private final String key = name().toLowerCase(Locale.ROOT);

        @Override
        public String key() {
            return key;
        }
    }

    private FlagsDemo() {
    }

    private static String describe(FlagStatus s) {
        return (s.enabled() ? "on" : "off") + " at " + s.rolloutPercentage() + " %";
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /**
     * @param args {@code --config DIR [ENV]}
     */
    public static void main(String[] args) {
        if (args.length < 2 || !args[0].equals("--config")) {
            System.err.println("usage: FlagsDemo --config DIR [ENV]");
            System.exit(2);
        }
        try {
            run(Path.of(args[1]), args.length > 2 ? args[2] : "staging", System.out);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Runs the demo.
     *
     * @param dir         the configuration directory
     * @param environment the environment to load
     * @param out         where to print
     */
    static void run(Path dir, String environment, PrintStream out) {
        ConfigurationOptions options = ConfigurationOptions.builder().directory(dir)
                .validator(FlagDefinitions.validator()) // a bad flag definition never gets published
                .quietPeriod(Duration.ofMillis(200)).build();
        try (ConfigurationManager manager = new ConfigurationManager(options)) {
            manager.loadEnvironmentConfig(environment);
            try (DynamicConfigurationManager dynamic = new DynamicConfigurationManager(manager)) {
                demo(manager, dynamic, out);
            }
        }
    }

    private static void demo(ConfigurationManager manager, DynamicConfigurationManager dynamic, PrintStream out) {
        long start = manager.current().version();
        dynamic.registerCustomFeatureFlag(MyFlags.EXPERIMENTAL_AUDIO_ENHANCEMENT);
        dynamic.registerChangeListener(e -> out.printf("  [flag event] %s: %s -> %s (version %d, %s)%n", e.flag(),
                e.oldStatus().map(FlagsDemo::describe).orElse("absent"),
                e.newStatus().map(FlagsDemo::describe).orElse("absent"), e.version(), e.source()));

        out.println("== Feature flags (version " + start + ")");
        for (FlagStatus s : dynamic.getFeatureFlagsStatus().values()) {
            out.printf("  %-32s %-9s %5.1f%%  %s  [%s]%n", s.key(), s.defined() ? (s.enabled() ? "on" : "off") : "undefined",
                    s.rolloutPercentage(), s.targeting(), s.origin().map(Object::toString).orElse("-"));
        }

        EvaluationContext user = EvaluationContext.builder().userId("12345")
                .attribute("user_segment", "premium").attribute("region", "EU").build();
        FlagEvaluation e = dynamic.evaluate(StreamingFlags.ENHANCED_ANOMALY_DETECTION.key(), user);
        out.printf("%n== User 12345 (premium, EU)%n  %s: %s (reason %s, bucket %s)%n", e.flag(), e.enabled(),
                e.reason(), e.bucket().isPresent() ? e.bucket().getAsInt() : "-");
        out.printf("  %s: %s (registered, not defined: its default)%n", MyFlags.EXPERIMENTAL_AUDIO_ENHANCEMENT.key(),
                dynamic.isFeatureEnabled(MyFlags.EXPERIMENTAL_AUDIO_ENHANCEMENT, user));

        Snapshot s = dynamic.setFeatureFlag(MyFlags.BETA_SOCIAL_FEATURES.key(), true, 10.0, Principal.of("demo"),
                "beta for 10 % of listeners");
        int on = 0;
        for (int i = 0; i < 10_000; i++) {
            on += dynamic.isFeatureEnabled(MyFlags.BETA_SOCIAL_FEATURES, EvaluationContext.ofUser("listener-" + i)) ? 1 : 0;
        }
        out.printf("%n== setFeatureFlag(beta_social_features, true, 10.0) -> version %d%n", s.version());
        out.printf("  on for %d of 10,000 listeners (sticky per user)%n", on);

        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        configurations.put("control", Map.of("home_feed", ordered("layout", "grid", "rows", 4)));
        configurations.put("carousel", Map.of("home_feed", ordered("layout", "carousel", "rows", 2)));
        Snapshot ab = dynamic.createAbTest(new AbTestConfiguration("home_feed_layout", "Carousel home feed",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(14)),
                TrafficSplit.of("control", 80.0, "carousel", 20.0), configurations, List.of("session_length")));
        out.printf("%n== createAbTest(home_feed_layout, control 80 / carousel 20) -> version %d%n", ab.version());
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (int i = 0; shown.size() < 2 && i < 100; i++) {
            String id = "listener-" + i;
            EvaluationContext u = EvaluationContext.ofUser(id);
            String variant = dynamic.getAbTestVariant("home_feed_layout", u);
            if (!shown.add(variant)) {
                continue;
            }
            out.printf("  %s -> %-8s config %s, home_feed.layout for this user = %s%n", id, variant,
                    dynamic.getAbTestConfig("home_feed_layout", variant),
                    dynamic.configurationFor("home_feed_layout", u).getString("home_feed.layout"));
        }
        String product = dynamic.getAbTestVariant("recommendation_algorithm_v2", user);
        out.printf("  recommendation_algorithm_v2 for user 12345: %s %s%n", product,
                dynamic.getAbTestConfig("recommendation_algorithm_v2", product));

        manager.rollback(start);
        out.printf("%n== rollback to version %d -> version %d%n", start, manager.current().version());
        out.printf("  beta_social_features defined: %s, home_feed_layout for 12345: %s%n",
                dynamic.getFeatureFlagsStatus().containsKey(MyFlags.BETA_SOCIAL_FEATURES.key()),
                dynamic.assignAbTest("home_feed_layout", user).reason());
    }
}
