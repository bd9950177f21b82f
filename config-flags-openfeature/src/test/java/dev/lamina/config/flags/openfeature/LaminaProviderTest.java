package dev.lamina.config.flags.openfeature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.ImmutableTrackingEventDetails;
import dev.openfeature.sdk.MutableTrackingEventDetails;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;

import dev.lamina.config.flags.FlagDefinitions;
import dev.lamina.config.testing.ThreadAllocation;

/** Reasons, error codes, typed context attributes, the allocation-free path and tracking. */
class LaminaProviderTest {

    private static final String FLAGS = """
            feature_flags:
              plain: {}
              killed: {enabled: false, type: string, variants: [{name: a, value: "A"}], default_variant: a}
              eu_only:
                type: boolean
                targeting: {region: [EU]}
              half:
                rollout_percentage: 50
              split:
                type: string
                variants: [{name: x, value: "X", weight: 1}, {name: y, value: "Y", weight: 1}]
              seniors:
                type: string
                variants: [{name: senior, value: "S"}, {name: other, value: "O"}]
                default_variant: other
                rules:
                  - name: over-64
                    constraints: [{attribute: age, operator: NUM_GTE, values: [65]}]
                    variant: senior
              launch:
                rules:
                  - constraints: [{attribute: signup, operator: DATE_AFTER, values: ["2026-01-01T00:00:00Z"]}]
              premium_lists:
                rules:
                  - constraints: [{attribute: plans, operator: IN, values: [premium]}]
              untyped_variants:
                variants:
                  - {name: cfg, weight: 1, payload: {type: json, value: '{"limit": 5}'}}
              untyped_number:
                variants:
                  - {name: n, weight: 1, payload: {type: number, value: "42"}}
              untyped_text:
                variants:
                  - {name: t, weight: 1, payload: {type: string, value: "hello"}}
              broken_json:
                variants:
                  - {name: cfg, weight: 1, payload: {type: json, value: '{"limit": 5'}}
              broken_number:
                variants:
                  - {name: n, weight: 1, payload: {type: number, value: "forty-two"}}
              json_scalar:
                variants:
                  - {name: n, weight: 1, payload: {type: json, value: "7"}}
            """;

    private final LaminaProvider provider = new LaminaProvider(Fixtures.flags(FLAGS));

    @Test
    void reasonsFollowTheDefinition() {
        assertThat(provider.getBooleanEvaluation("plain", false, null).getReason()).isEqualTo("STATIC");
        ProviderEvaluation<String> killed = provider.getStringEvaluation("killed", "dflt", null);
        assertThat(killed.getReason()).isEqualTo("DISABLED");
        assertThat(killed.getValue()).isEqualTo("dflt");
        assertThat(killed.getErrorCode()).as("a disabled flag is not an error").isNull();
        ImmutableContext eu = new ImmutableContext("u1", Map.of("region", new Value("EU")));
        ImmutableContext us = new ImmutableContext("u1", Map.of("region", new Value("US")));
        assertThat(provider.getBooleanEvaluation("eu_only", false, eu).getReason()).isEqualTo("TARGETING_MATCH");
        ProviderEvaluation<Boolean> miss = provider.getBooleanEvaluation("eu_only", true, us);
        assertThat(miss.getReason()).isEqualTo("DEFAULT");
        assertThat(miss.getValue()).as("a boolean flag that is off is false, not the caller's default").isFalse();
        assertThat(provider.getStringEvaluation("split", "-", new ImmutableContext("u1")).getReason()).isEqualTo("SPLIT");
        assertThat(provider.getBooleanEvaluation("half", false, new ImmutableContext("u1")).getReason())
                .isIn("SPLIT", "DEFAULT");
    }

    @Test
    void matchedRuleAndVariantAreReported() {
        ProviderEvaluation<String> r = provider.getStringEvaluation("seniors", "-",
                new ImmutableContext("u1", Map.of("age", new Value(70))));
        assertThat(r.getValue()).isEqualTo("S");
        assertThat(r.getVariant()).isEqualTo("senior");
        assertThat(r.getReason()).isEqualTo("TARGETING_MATCH");
        assertThat(r.getFlagMetadata().getString("rule")).isEqualTo("over-64");
        ProviderEvaluation<String> young = provider.getStringEvaluation("seniors", "-",
                new ImmutableContext("u1", Map.of("age", new Value(30))));
        assertThat(young.getValue()).isEqualTo("O");
        assertThat(young.getVariant()).isEqualTo("other");
        assertThat(young.getReason()).isEqualTo("DEFAULT");
    }

    @Test
    void errorCodes() {
        assertThat(provider.getBooleanEvaluation("missing", true, null).getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
        assertThat(provider.getIntegerEvaluation("seniors", 1, null).getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(provider.getBooleanEvaluation("seniors", true, null).getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        ProviderEvaluation<String> noKey = provider.getStringEvaluation("split", "-", new ImmutableContext());
        assertThat(noKey.getErrorCode()).isEqualTo(ErrorCode.TARGETING_KEY_MISSING);
        assertThat(noKey.getValue()).isEqualTo("-");
        ProviderEvaluation<Boolean> badTime = provider.getBooleanEvaluation("launch", false,
                new ImmutableContext("u1", Map.of("current_time", new Value("yesterday"))));
        assertThat(badTime.getErrorCode()).isEqualTo(ErrorCode.INVALID_CONTEXT);
        assertThat(badTime.getErrorMessage()).contains("current_time");
    }

    @Test
    void sessionIdIsAStickyValueToo() {
        ProviderEvaluation<String> r = provider.getStringEvaluation("split", "-",
                new ImmutableContext(Map.of("session_id", new Value("s-1"))));
        assertThat(r.getErrorCode()).isNull();
        assertThat(r.getValue()).isIn("X", "Y");
    }

    @Test
    void typedContextAttributesReachNumericDateAndListOperators() {
        assertThat(provider.getStringEvaluation("seniors", "-",
                new ImmutableContext("u", Map.of("age", new Value(65.0)))).getValue()).isEqualTo("S");
        assertThat(provider.getBooleanEvaluation("launch", false,
                new ImmutableContext("u", Map.of("signup", new Value(Instant.parse("2026-03-01T00:00:00Z"))))).getValue())
                .isTrue();
        assertThat(provider.getBooleanEvaluation("launch", false,
                new ImmutableContext("u", Map.of("signup", new Value(Instant.parse("2025-03-01T00:00:00Z"))))).getValue())
                .isFalse();
        assertThat(provider.getBooleanEvaluation("premium_lists", false, new ImmutableContext("u",
                Map.of("plans", new Value(List.of(new Value("free"), new Value("premium")))))).getValue()).isTrue();
    }

    @Test
    void untypedFlagsAnswerFromTheirPayloads() {
        Value cfg = provider.getObjectEvaluation("untyped_variants", new Value(), new ImmutableContext("u")).getValue();
        assertThat(cfg.asStructure().getValue("limit").asInteger()).isEqualTo(5);
        assertThat(provider.getIntegerEvaluation("untyped_number", 0, new ImmutableContext("u")).getValue()).isEqualTo(42);
        assertThat(provider.getDoubleEvaluation("untyped_number", 0.0, new ImmutableContext("u")).getValue()).isEqualTo(42.0);
        assertThat(provider.getStringEvaluation("untyped_number", "-", new ImmutableContext("u")).getValue()).isEqualTo("42");
        assertThat(provider.getIntegerEvaluation("plain", 3, null).getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void anUntypedPayloadIsAnObjectValueOfItsOwnType() {
        ImmutableContext u = new ImmutableContext("u");
        ProviderEvaluation<Value> text = provider.getObjectEvaluation("untyped_text", new Value(), u);
        assertThat(text.getErrorCode()).isNull();
        assertThat(text.getValue().asString()).isEqualTo("hello");
        assertThat(text.getVariant()).isEqualTo("t");
        assertThat(provider.getObjectEvaluation("untyped_number", new Value(), u).getValue().asInteger()).isEqualTo(42);
        assertThat(provider.getObjectEvaluation("json_scalar", new Value(), u).getValue().asInteger()).isEqualTo(7);
        assertThat(provider.getIntegerEvaluation("json_scalar", 0, u).getValue()).isEqualTo(7);
        // A text payload is still not a number.
        assertThat(provider.getIntegerEvaluation("untyped_text", 3, u).getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void aPayloadThatDoesNotParseIsAParseErrorNotAnotherValue() {
        ImmutableContext u = new ImmutableContext("u");
        Value fallback = new Value("fallback");
        ProviderEvaluation<Value> json = provider.getObjectEvaluation("broken_json", fallback, u);
        assertThat(json.getErrorCode()).isEqualTo(ErrorCode.PARSE_ERROR);
        assertThat(json.getReason()).isEqualTo("ERROR");
        assertThat(json.getValue()).isSameAs(fallback);
        assertThat(json.getErrorMessage()).contains("broken_json").contains("'cfg'").contains("not valid JSON")
                .doesNotContain("limit"); // the payload itself may be a secret
        ProviderEvaluation<Integer> number = provider.getIntegerEvaluation("broken_number", -1, u);
        assertThat(number.getErrorCode()).isEqualTo(ErrorCode.PARSE_ERROR);
        assertThat(number.getValue()).isEqualTo(-1);
        assertThat(number.getErrorMessage()).contains("broken_number").contains("not a finite number")
                .doesNotContain("forty");
        assertThat(provider.getDoubleEvaluation("broken_number", -1.0, u).getErrorCode()).isEqualTo(ErrorCode.PARSE_ERROR);
        assertThat(provider.getObjectEvaluation("broken_number", fallback, u).getErrorCode())
                .isEqualTo(ErrorCode.PARSE_ERROR);
        // The text is still the payload for a string evaluation, and the flag is still on, as in Unleash clients.
        assertThat(provider.getStringEvaluation("broken_json", "-", u).getValue()).isEqualTo("{\"limit\": 5");
        assertThat(provider.getBooleanEvaluation("broken_number", false, u).getValue()).isTrue();
    }

    @Test
    void resultsAreSharedPerOutcome() {
        ImmutableContext c = new ImmutableContext("u1", Map.of("age", new Value(70)));
        assertThat(provider.getStringEvaluation("seniors", "-", c))
                .isSameAs(provider.getStringEvaluation("seniors", "other-default", c));
        assertThat(provider.getBooleanEvaluation("plain", false, null)).isSameAs(provider.getBooleanEvaluation("plain", false, null));
        // The caller's default is never shared across callers.
        assertThat(provider.getStringEvaluation("killed", "one", null).getValue()).isEqualTo("one");
        assertThat(provider.getStringEvaluation("killed", "two", null).getValue()).isEqualTo("two");
    }

    /** Records which attributes are read and whether the whole context is ever listed. */
    private static final class RecordingContext extends MutableContext {
        final java.util.Set<String> read = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final java.util.concurrent.atomic.AtomicInteger listed = new java.util.concurrent.atomic.AtomicInteger();

        RecordingContext(String targetingKey, Map<String, Value> attributes) {
            super(targetingKey, attributes);
        }

        @Override
        public Value getValue(String key) {
            read.add(key);
            return super.getValue(key);
        }

        @Override
        public java.util.Set<String> keySet() {
            listed.incrementAndGet();
            return super.keySet();
        }

        @Override
        public Map<String, Value> asMap() {
            listed.incrementAndGet();
            return super.asMap();
        }
    }

    private static Map<String, Value> manyAttributes(int age) {
        Map<String, Value> m = new java.util.HashMap<>();
        for (int i = 0; i < 20; i++) {
            m.put("attr" + i, new Value("2026-01-0" + (i % 9 + 1) + "T00:00:00Z")); // dates: the costliest to parse
        }
        m.put("age", new Value(age));
        return m;
    }

    @Test
    void aTargetedEvaluationReadsOnlyTheAttributesItsRulesNameAndNeverCopiesTheContext() {
        RecordingContext ctx = new RecordingContext("u1", manyAttributes(70));
        assertThat(provider.getStringEvaluation("seniors", "-", ctx).getValue()).isEqualTo("S");
        assertThat(ctx.listed).as("keySet/asMap: the context is never copied to evaluate").hasValue(0);
        assertThat(ctx.read).contains("age").noneMatch(k -> k.startsWith("attr"));
        RecordingContext young = new RecordingContext("u1", manyAttributes(30));
        assertThat(provider.getStringEvaluation("seniors", "-", young).getValue()).isEqualTo("O");
        assertThat(young.listed).hasValue(0);
    }

    /** Contexts whose {@code getValue} returns the SDK's own values (MutableContext does not clone them). */
    private static MutableContext[] mutableContexts() {
        MutableContext[] contexts = new MutableContext[8];
        for (int i = 0; i < contexts.length; i++) {
            Map<String, Value> attributes = manyAttributes(60 + i * 2); // 60..74: both sides of NUM_GTE 65
            attributes.put("region", new Value(i % 2 == 0 ? "EU" : "US"));
            attributes.put("signup", new Value(Instant.parse(i % 3 == 0 ? "2025-12-01T00:00:00Z" : "2026-02-01T00:00:00Z")));
            contexts[i] = new MutableContext("user-" + i, attributes);
        }
        return contexts;
    }

    /** One round of evaluations that read the context: an attribute IN, a number, an instant, a rollout by user. */
    private int targetedRound(LaminaProvider p, dev.openfeature.sdk.EvaluationContext[] contexts, int calls) {
        int sink = 0;
        for (int i = 0; i < calls; i++) {
            dev.openfeature.sdk.EvaluationContext ctx = contexts[i & 7];
            sink += p.getBooleanEvaluation("eu_only", false, ctx).getValue() ? 1 : 0;
            sink += p.getStringEvaluation("seniors", "-", ctx).getValue().length();
            sink += p.getBooleanEvaluation("launch", false, ctx).getValue() ? 1 : 0;
            sink += p.getBooleanEvaluation("half", false, ctx).getValue() ? 1 : 0;
        }
        return sink;
    }

    @Test
    void evaluationsThatReadTheContextAllocateNothingInTheProvider() {
        ThreadAllocation mx = ThreadAllocation.counter();
        MutableContext[] contexts = mutableContexts();
        int calls = 50_000; // x 4 evaluations
        long perCall = Long.MAX_VALUE;
        int sink = 0;
        for (int round = 0; round < 6; round++) {
            long before = mx.currentThreadBytes();
            sink += targetedRound(provider, contexts, calls);
            long bytes = mx.currentThreadBytes() - before;
            // The lowest round: the first ones still run in the interpreter and compile (which allocates nothing on
            // this thread's path, but a deoptimisation may); one allocation-free round proves the steady state.
            perCall = Math.min(perCall, bytes / (calls * 4L));
            System.out.println("provider bytes per context-reading evaluation, round " + round + ": "
                    + (double) bytes / (calls * 4L));
        }
        assertThat(sink).as("some flags answered true").isGreaterThan(6 * calls);
        assertThat(perCall).as("bytes per context-reading evaluation in the provider").isLessThanOrEqualTo(1);
    }

    @Test
    void anEvaluationStartedWhileAnotherReadsItsContextOnTheSameThreadGetsAViewOfItsOwn() {
        // A context whose attribute read evaluates another flag (as a caller's own context class might): the
        // thread's reused view is in use further up the stack, so the inner evaluation must not take it over.
        MutableContext inner = new MutableContext("u2", new java.util.HashMap<>(Map.of("region", new Value("US"))));
        java.util.concurrent.atomic.AtomicReference<Boolean> innerResult = new java.util.concurrent.atomic.AtomicReference<>();
        MutableContext outer = new MutableContext("u1", new java.util.HashMap<>(Map.of("region", new Value("EU")))) {
            @Override
            public Value getValue(String key) {
                if ("region".equals(key)) {
                    innerResult.set(provider.getBooleanEvaluation("eu_only", true, inner).getValue());
                }
                return super.getValue(key);
            }
        };
        assertThat(provider.getBooleanEvaluation("eu_only", false, outer).getValue()).as("outer: EU").isTrue();
        assertThat(innerResult.get()).as("inner: US").isFalse();
        assertThat(provider.getBooleanEvaluation("eu_only", true, inner).getValue()).isFalse();
        assertThat(provider.getBooleanEvaluation("eu_only", false, outer).getValue()).isTrue();
    }

    @Test
    void overAnImmutableContextOnlyTheSdksCopiesOfTheValuesReadAreAllocated() {
        // ImmutableContext.getValue returns a copy of the value (the SDK's allocation: a Value, and for an instant a
        // new Instant too). The same evaluations over MutableContext, which returns its own values, allocate nothing
        // (above), so what they allocate over ImmutableContext is those copies: at most 40 B per value read.
        ThreadAllocation mx = ThreadAllocation.counter();
        MutableContext[] mutable = mutableContexts();
        dev.openfeature.sdk.EvaluationContext[] contexts = new dev.openfeature.sdk.EvaluationContext[8];
        CountingContext[] counting = new CountingContext[8];
        for (int i = 0; i < 8; i++) {
            contexts[i] = new ImmutableContext(mutable[i].getTargetingKey(), mutable[i].asMap());
            counting[i] = new CountingContext(mutable[i]);
        }
        targetedRound(provider, counting, 8);
        double readsPerEvaluation = java.util.Arrays.stream(counting).mapToInt(c -> c.reads).sum() / 32.0;
        int calls = 50_000;
        double perEvaluation = Double.MAX_VALUE;
        for (int round = 0; round < 6; round++) {
            long before = mx.currentThreadBytes();
            targetedRound(provider, contexts, calls);
            perEvaluation = Math.min(perEvaluation, (double) (mx.currentThreadBytes() - before) / (calls * 4L));
        }
        System.out.println("over ImmutableContext: " + perEvaluation + " B per evaluation, " + readsPerEvaluation
                + " values read (each an SDK copy)");
        assertThat(perEvaluation).as("bytes per evaluation over ImmutableContext: its copies of the values read")
                .isLessThanOrEqualTo(readsPerEvaluation * 40 + 1);
    }

    /**
     * Counts the values read that are present (each one a copy in ImmutableContext; the SDK's getTargetingKey reads
     * one too).
     */
    private static final class CountingContext extends MutableContext {
        int reads;

        CountingContext(MutableContext of) {
            super(of.getTargetingKey(), of.asMap());
        }

        @Override
        public Value getValue(String key) {
            Value v = super.getValue(key);
            if (v != null) {
                reads++;
            }
            return v;
        }
    }

    @Test
    void booleanEvaluationOfAContextFreeFlagAllocatesNothing() {
        ThreadAllocation mx = ThreadAllocation.counter();
        // Counting in a registry is on the path too: its counters are registered at compile time.
        LaminaProvider p = new LaminaProvider(FlagDefinitions.compile(dev.lamina.config.ConfigDocuments.parse(
                "flags.yaml", dev.lamina.config.Format.YAML, FLAGS, dev.lamina.config.ParseLimits.DEFAULTS),
                Fixtures.CLOCK, new SimpleMeterRegistry()));
        ImmutableContext ctx = new ImmutableContext("user-1");
        int sink = 0;
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 6; round++) {
            long before = mx.currentThreadBytes();
            for (int i = 0; i < 200_000; i++) {
                sink += p.getBooleanEvaluation("plain", false, ctx).getValue() ? 1 : 0;
                sink += p.getBooleanEvaluation("killed", (i & 1) == 0, ctx).getValue() ? 1 : 0;
            }
            // The least of the rounds: a compilation or deoptimisation in one round allocates a few KB of its own.
            least = Math.min(least, mx.currentThreadBytes() - before);
        }
        assertThat(least).as("bytes allocated by 400,000 provider evaluations").isLessThan(4_096);
        assertThat(sink).isPositive();
    }

    @Test
    void trackReportsTheVariantOfEveryExperimentJudgedByTheEvent(@TempDir Path dir) throws Exception {
        String yaml = FLAGS + """
                experiments:
                  checkout_flow:
                    start_date: 2026-06-01T00:00:00Z
                    end_date: 2026-07-01T00:00:00Z
                    traffic_split: {control: 50.0, one_click: 50.0}
                    success_metrics: [checkout, refund]
                  ended:
                    start_date: 2025-01-01T00:00:00Z
                    end_date: 2025-02-01T00:00:00Z
                    traffic_split: {control: 100.0}
                    success_metrics: [checkout]
                  unrelated:
                    start_date: 2026-06-01T00:00:00Z
                    end_date: 2026-07-01T00:00:00Z
                    traffic_split: {control: 100.0}
                    success_metrics: [listen]
                """;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LaminaProvider p = new LaminaProvider(Fixtures.manager(dir, yaml), Fixtures.CLOCK, registry);
        p.initialize(new ImmutableContext());
        List<TrackingEvent> events = new CopyOnWriteArrayList<>();
        p.addTrackingListener(events::add);
        String expected = Fixtures.flags(yaml).variantOf("checkout_flow",
                dev.lamina.config.flags.EvaluationContext.ofUser("user-9")).orElseThrow();
        p.track("checkout", new ImmutableContext("user-9"), null);
        p.track("search", new ImmutableContext("user-9"), null);
        assertThat(events.get(0).experiments()).as("the ended experiment enrols no one; unrelated is not judged by it")
                .containsExactly(Map.entry("checkout_flow", expected));
        assertThat(events.get(1).experiments()).isEmpty();
        assertThat(registry.get(LaminaProvider.CONVERSION_METRIC).tag("experiment", "checkout_flow")
                .tag("variant", expected).tag("metric", "checkout").counter().count()).isEqualTo(1.0);
        assertThat(registry.find(LaminaProvider.CONVERSION_METRIC).tag("experiment", "ended").counters()).isEmpty();
    }

    @Test
    void trackForwardsToListenersAndCounts(@TempDir Path dir) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LaminaProvider p = new LaminaProvider(Fixtures.manager(dir, FLAGS), Fixtures.CLOCK, registry);
        p.initialize(new ImmutableContext());
        List<TrackingEvent> events = new CopyOnWriteArrayList<>();
        p.addTrackingListener(events::add);
        p.addTrackingListener(e -> {
            throw new IllegalStateException("a broken listener does not stop the others");
        });
        p.track("checkout", new ImmutableContext("user-9", Map.of("plan", new Value("premium"))),
                new MutableTrackingEventDetails(19.99).add("currency", "EUR"));
        p.track("listen", null, new ImmutableTrackingEventDetails());
        assertThat(events).hasSize(2);
        TrackingEvent first = events.get(0);
        assertThat(first.name()).isEqualTo("checkout");
        assertThat(first.context().userId()).contains("user-9");
        assertThat(first.context().attribute("plan")).contains("premium");
        assertThat(first.value()).hasValue(19.99);
        assertThat(first.attributes()).containsEntry("currency", "EUR");
        assertThat(events.get(1).value()).isEmpty();
        assertThat(first.version()).isEqualTo(p.flagsVersion().orElseThrow());
        assertThat(registry.get(LaminaProvider.TRACKING_METRIC).tag("event", "checkout").counter().count()).isEqualTo(1.0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.track(" ", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
