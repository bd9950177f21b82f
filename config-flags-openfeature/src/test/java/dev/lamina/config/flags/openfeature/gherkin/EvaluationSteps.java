package dev.lamina.config.flags.openfeature.gherkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.awaitility.Awaitility;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.HookContext;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderState;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.FatalError;

import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.flags.openfeature.LaminaProvider;
import dev.lamina.config.flags.openfeature.internal.Values;

/**
 * Step definitions for the OpenFeature specification's Gherkin suite, written for this project. "A stable
 * provider" is a {@link LaminaProvider} following a real {@link ConfigurationManager} whose {@code base.yaml} is
 * the suite's flags in Lamina's format; "an error provider" is one whose flag definitions are invalid; "a stale
 * provider" is a stable one marked stale. "Not ready" and "fatal" are SDK states no healthy Lamina provider is
 * in, so small test doubles stand for them.
 */
public class EvaluationSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenFeatureAPI api = OpenFeatureAPI.getInstance();
    private final String domain = "scenario-" + UUID.randomUUID();
    private final List<Path> dirs = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, Value> context = new java.util.LinkedHashMap<>();
    private final RecordingHook hook = new RecordingHook();
    private Client client;
    private String type;
    private String key;
    private Object fallback;
    private FlagEvaluationDetails<?> details;

    @After
    public void releaseProviders() {
        release.countDown();
        for (Path d : dirs) {
            try (var files = Files.walk(d)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind does not change the result
            }
        }
    }

    // ---------------------------------------------------------------- providers

    @Given("^a stable provider$")
    public void aStableProvider() throws IOException {
        LaminaProvider provider = new LaminaProvider(manager(resource("openfeature/test-flags.yaml")));
        api.setProviderAndWait(domain, provider);
        client = api.getClient(domain);
    }

    @Given("^a (not ready|error|fatal|stale) provider$")
    public void aProviderIn(String status) throws IOException {
        switch (status) {
            case "not ready" -> api.setProvider(domain, new TestDouble(release, null));
            case "fatal" -> setAndIgnore(new TestDouble(null, new FatalError("fatal by design")));
            case "error" -> setAndIgnore(new LaminaProvider(manager(
                    "feature_flags:\n  broken:\n    rollout_percentage: 200\n")));
            case "stale" -> {
                LaminaProvider p = new LaminaProvider(manager(resource("openfeature/test-flags.yaml")));
                api.setProviderAndWait(domain, p);
                p.markStale("the remote source stopped answering");
            }
            default -> throw new IllegalArgumentException(status);
        }
        client = api.getClient(domain);
    }

    private void setAndIgnore(FeatureProvider p) {
        try {
            api.setProviderAndWait(domain, p);
        } catch (RuntimeException expected) {
            // initialisation fails by design; the client reports the provider's state
        }
    }

    @Then("^the provider status should be \"(\\w+)\"$")
    public void theProviderStatusShouldBe(String status) {
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(client.getProviderState()).isEqualTo(ProviderState.valueOf(status)));
    }

    // ---------------------------------------------------------------- evaluation

    @Given("^a (\\w+)-flag with key \"([^\"]*)\" and a fallback value \"(.*)\"$")
    public void aFlag(String type, String key, String fallback) throws IOException {
        this.type = type.toLowerCase(java.util.Locale.ROOT);
        this.key = key;
        this.fallback = parse(this.type, fallback);
    }

    @Given("^a context containing a key \"([^\"]*)\", with type \"(\\w+)\" and with value \"(.*)\"$")
    public void aContextContaining(String name, String valueType, String value) throws IOException {
        context.put(name, toValue(parse(valueType.toLowerCase(java.util.Locale.ROOT), value)));
    }

    @Given("^a context containing a key \"([^\"]*)\" with null value$")
    public void aContextWithNull(String name) {
        context.put(name, new Value());
    }

    @Given("^a client with added hook$")
    public void aClientWithAddedHook() {
        client.addHooks(hook);
    }

    @When("^the flag was evaluated with details$")
    public void theFlagWasEvaluatedWithDetails() {
        EvaluationContext ctx = new dev.openfeature.sdk.ImmutableContext(context);
        details = switch (type) {
            case "boolean" -> client.getBooleanDetails(key, (Boolean) fallback, ctx);
            case "string" -> client.getStringDetails(key, (String) fallback, ctx);
            case "integer" -> client.getIntegerDetails(key, (Integer) fallback, ctx);
            case "float" -> client.getDoubleDetails(key, (Double) fallback, ctx);
            case "object" -> client.getObjectDetails(key, (Value) fallback, ctx);
            default -> throw new IllegalArgumentException("unknown flag type " + type);
        };
    }

    @Then("^the resolved details value should be \"(.*)\"$")
    public void theResolvedDetailsValueShouldBe(String expected) throws IOException {
        Object want = parse(type, expected);
        if (want instanceof Value v) {
            assertThat(Values.plain((Value) details.getValue())).isEqualTo(Values.plain(v));
        } else {
            assertThat(details.getValue()).isEqualTo(want);
        }
    }

    @Then("^the reason should be \"(\\w+)\"$")
    public void theReasonShouldBe(String reason) {
        assertThat(details.getReason()).isEqualTo(reason);
    }

    @Then("^the error-code should be \"(\\w*)\"$")
    public void theErrorCodeShouldBe(String code) {
        assertThat(details.getErrorCode() == null ? "" : details.getErrorCode().name()).isEqualTo(code);
    }

    @Then("^the flag key should be \"(.*)\"$")
    public void theFlagKeyShouldBe(String flagKey) {
        assertThat(details.getFlagKey()).isEqualTo(flagKey);
    }

    @Then("^the variant should be \"(.*)\"$")
    public void theVariantShouldBe(String variant) {
        assertThat(details.getVariant()).isEqualTo(variant);
    }

    @Then("^the resolved metadata should contain$")
    public void theResolvedMetadataShouldContain(DataTable table) {
        ImmutableMetadata m = details.getFlagMetadata();
        for (Map<String, String> row : table.asMaps()) {
            String k = row.get("key");
            String v = row.get("value");
            switch (row.get("metadata_type")) {
                case "String" -> assertThat(m.getString(k)).isEqualTo(v);
                case "Integer" -> assertThat(m.getInteger(k)).isEqualTo(Integer.parseInt(v));
                case "Float" -> assertThat(m.getDouble(k)).isEqualTo(Double.parseDouble(v));
                case "Boolean" -> assertThat(m.getBoolean(k)).isEqualTo(Boolean.parseBoolean(v));
                default -> throw new IllegalArgumentException(row.get("metadata_type"));
            }
        }
    }

    @Then("^the resolved metadata is empty$")
    public void theResolvedMetadataIsEmpty() {
        assertThat(details.getFlagMetadata().isEmpty()).isTrue();
    }

    // ---------------------------------------------------------------- hooks

    @Then("^the \"(\\w+)\" hook should have been executed$")
    public void theHookShouldHaveBeenExecuted(String stage) {
        assertThat(hook.stages).contains(stage);
    }

    @Then("^the \"([^\"]*)\" hooks should be called with evaluation details$")
    public void theHooksShouldBeCalledWithDetails(String stages, DataTable table) {
        for (String stage : stages.split(",\\s*")) {
            FlagEvaluationDetails<?> d = "after".equals(stage) ? hook.afterDetails : hook.finallyDetails;
            assertThat(d).as(stage + " hook details").isNotNull();
            for (Map<String, String> row : table.asMaps()) {
                String want = row.get("value");
                Object got = switch (row.get("key")) {
                    case "flag_key" -> d.getFlagKey();
                    case "value" -> d.getValue();
                    case "variant" -> d.getVariant();
                    case "reason" -> d.getReason();
                    case "error_code" -> d.getErrorCode() == null ? null : d.getErrorCode().name();
                    default -> throw new IllegalArgumentException(row.get("key"));
                };
                Object expected = "null".equals(want) ? null
                        : "boolean".equals(row.get("data_type")) ? Boolean.valueOf(want) : want;
                assertThat(got).as(stage + " " + row.get("key")).isEqualTo(expected);
            }
        }
    }

    /** Records which stages ran and the details the after and finally stages saw. */
    static final class RecordingHook implements Hook<Object> {
        final List<String> stages = new ArrayList<>();
        FlagEvaluationDetails<?> afterDetails;
        FlagEvaluationDetails<?> finallyDetails;

        @Override
        public java.util.Optional<EvaluationContext> before(HookContext<Object> ctx, Map<String, Object> hints) {
            stages.add("before");
            return java.util.Optional.empty();
        }

        @Override
        public void after(HookContext<Object> ctx, FlagEvaluationDetails<Object> details, Map<String, Object> hints) {
            stages.add("after");
            afterDetails = details;
        }

        @Override
        public void error(HookContext<Object> ctx, Exception error, Map<String, Object> hints) {
            stages.add("error");
        }

        @Override
        public void finallyAfter(HookContext<Object> ctx, FlagEvaluationDetails<Object> details,
                                 Map<String, Object> hints) {
            stages.add("finally");
            finallyDetails = details;
        }
    }

    // ---------------------------------------------------------------- helpers

    private ConfigurationManager manager(String baseYaml) throws IOException {
        Path dir = Files.createTempDirectory("lamina-openfeature-");
        dirs.add(dir);
        Files.writeString(dir.resolve("base.yaml"), baseYaml, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("test.yaml"), "{}\n", StandardCharsets.UTF_8);
        ConfigurationManager m = new ConfigurationManager(ConfigurationOptions.builder().directory(dir)
                .environment(Map.of()).build());
        m.loadEnvironmentConfig("test");
        return m;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EvaluationSteps.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Object parse(String type, String text) throws IOException {
        String t = text.replace("\\\"", "\"");
        return switch (type) {
            case "boolean" -> Boolean.valueOf(t);
            case "string" -> t;
            case "integer" -> Integer.valueOf(t);
            case "float" -> Double.valueOf(t);
            case "object" -> toValue(JSON.readValue(t, Object.class));
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static Value toValue(Object o) {
        if (o instanceof Value v) {
            return v;
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Value> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), toValue(v)));
            return new Value(new dev.openfeature.sdk.ImmutableStructure(out));
        }
        if (o instanceof List<?> l) {
            return new Value(l.stream().map(EvaluationSteps::toValue).toList());
        }
        if (o instanceof Boolean b) {
            return new Value(b);
        }
        if (o instanceof Integer i) {
            return new Value(i);
        }
        if (o instanceof Number n) {
            return new Value(n.doubleValue());
        }
        if (o instanceof String str) {
            return new Value(str);
        }
        return o == null ? new Value() : new Value(o.toString());
    }

    /** A provider that stays not ready (initialisation waits for the scenario's end) or fails fatally. */
    static final class TestDouble implements FeatureProvider {
        private final CountDownLatch wait;
        private final RuntimeException failure;

        TestDouble(CountDownLatch wait, RuntimeException failure) {
            this.wait = wait;
            this.failure = failure;
        }

        @Override
        public Metadata getMetadata() {
            return () -> "test-double";
        }

        @Override
        public void initialize(EvaluationContext ctx) throws Exception {
            if (failure != null) {
                throw failure;
            }
            wait.await();
        }

        private static <T> ProviderEvaluation<T> none(T value) {
            return ProviderEvaluation.<T>builder().value(value).build();
        }

        @Override
        public ProviderEvaluation<Boolean> getBooleanEvaluation(String k, Boolean d, EvaluationContext c) {
            return none(d);
        }

        @Override
        public ProviderEvaluation<String> getStringEvaluation(String k, String d, EvaluationContext c) {
            return none(d);
        }

        @Override
        public ProviderEvaluation<Integer> getIntegerEvaluation(String k, Integer d, EvaluationContext c) {
            return none(d);
        }

        @Override
        public ProviderEvaluation<java.lang.Double> getDoubleEvaluation(String k, java.lang.Double d,
                                                                        EvaluationContext c) {
            return none(d);
        }

        @Override
        public ProviderEvaluation<Value> getObjectEvaluation(String k, Value d, EvaluationContext c) {
            return none(d);
        }
    }
}
