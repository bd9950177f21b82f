package dev.lamina.config.flags.openfeature.gherkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.FlagEvaluationOptions;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.HookContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.NoOpTransactionContextPropagator;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ThreadLocalTransactionContextPropagator;
import dev.openfeature.sdk.Value;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.flags.FlagDefinitions;
import dev.lamina.config.flags.openfeature.LaminaProvider;

/**
 * Step definitions for {@code contextMerging.feature}: how the SDK merges the API, transaction, client, invocation
 * and before-hook contexts. "A stable provider with retrievable context" evaluates with a {@link LaminaProvider}
 * serving the suite's flags and records the merged context the SDK hands it, which is what Lamina's rules see.
 * The API-level and transaction contexts are global to the SDK: they are reset after every scenario.
 */
public class ContextMergingSteps {

    private final OpenFeatureAPI api = OpenFeatureAPI.getInstance();
    private final String domain = "merging-" + UUID.randomUUID();
    private final AtomicReference<EvaluationContext> received = new AtomicReference<>();
    private final Map<String, Value> invocation = new LinkedHashMap<>();
    private final Map<String, Value> beforeHook = new LinkedHashMap<>();
    private final List<String> levels = new ArrayList<>();
    private Client client;

    @After
    public void resetGlobalContexts() {
        if (client != null) {
            api.setEvaluationContext(new ImmutableContext());
            api.setTransactionContext(new ImmutableContext());
            api.setTransactionContextPropagator(new NoOpTransactionContextPropagator());
        }
    }

    @Given("^a stable provider with retrievable context is registered$")
    public void aStableProviderWithRetrievableContext() throws IOException {
        String yaml;
        try (InputStream in = ContextMergingSteps.class.getResourceAsStream("/openfeature/test-flags.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        LaminaProvider lamina = new LaminaProvider(FlagDefinitions.compile(
                ConfigDocuments.parse("test-flags.yaml", Format.YAML, yaml, ParseLimits.DEFAULTS), Clock.systemUTC()));
        api.setTransactionContextPropagator(new ThreadLocalTransactionContextPropagator());
        api.setProviderAndWait(domain, new Retrievable(lamina, received));
        client = api.getClient(domain);
    }

    @Given("^A context entry with key \"([^\"]*)\" and value \"([^\"]*)\" is added to the \"([^\"]*)\" level$")
    public void anEntryIsAddedToALevel(String key, String value, String level) {
        add(level, key, new Value(value));
    }

    @Given("^A table with levels of increasing precedence$")
    public void levelsOfIncreasingPrecedence(DataTable table) {
        levels.addAll(table.asList());
    }

    @Given("^Context entries for each level from API level down to the \"([^\"]*)\" level, with key \"([^\"]*)\""
            + " and value \"([^\"]*)\"$")
    public void entriesDownToLevel(String last, String key, String value) {
        // Every level up to the named one sets the key to its own name, so only correct precedence leaves the
        // named level's value in the merged context.
        for (String level : levels) {
            add(level, key, new Value(level));
            if (level.equals(last)) {
                return;
            }
        }
        throw new IllegalArgumentException("level " + last + " is not in the table " + levels);
    }

    @When("^Some flag was evaluated$")
    public void someFlagWasEvaluated() {
        Hook<Boolean> hook = new Hook<>() {
            @Override
            public Optional<EvaluationContext> before(HookContext<Boolean> ctx, Map<String, Object> hints) {
                return beforeHook.isEmpty() ? Optional.empty() : Optional.of(new ImmutableContext(beforeHook));
            }
        };
        boolean value = client.getBooleanValue("boolean-flag", false, new ImmutableContext(invocation),
                FlagEvaluationOptions.builder().hook(hook).build());
        assertThat(value).as("Lamina served the suite's boolean-flag").isTrue();
    }

    @Then("^The merged context contains an entry with key \"([^\"]*)\" and value \"([^\"]*)\"$")
    public void theMergedContextContains(String key, String value) {
        EvaluationContext ctx = received.get();
        assertThat(ctx).as("the provider was called").isNotNull();
        assertThat(ctx.getValue(key)).as(key).isNotNull();
        assertThat(ctx.getValue(key).asString()).isEqualTo(value);
    }

    private void add(String level, String key, Value value) {
        switch (level) {
            case "API" -> api.setEvaluationContext(api.getEvaluationContext() == null
                    ? new ImmutableContext(Map.of(key, value))
                    : api.getEvaluationContext().merge(new ImmutableContext(Map.of(key, value))));
            case "Transaction" -> {
                EvaluationContext current = api.getTransactionContextPropagator().getTransactionContext();
                ImmutableContext entry = new ImmutableContext(Map.of(key, value));
                api.setTransactionContext(current == null ? entry : current.merge(entry));
            }
            case "Client" -> client.setEvaluationContext(client.getEvaluationContext() == null
                    ? new ImmutableContext(Map.of(key, value))
                    : client.getEvaluationContext().merge(new ImmutableContext(Map.of(key, value))));
            case "Invocation" -> invocation.put(key, value);
            case "Before Hooks" -> beforeHook.put(key, value);
            default -> throw new IllegalArgumentException("unknown level " + level);
        }
    }

    /** Records the merged context and evaluates with Lamina. */
    private static final class Retrievable implements FeatureProvider {
        private final LaminaProvider lamina;
        private final AtomicReference<EvaluationContext> received;

        Retrievable(LaminaProvider lamina, AtomicReference<EvaluationContext> received) {
            this.lamina = lamina;
            this.received = received;
        }

        @Override
        public Metadata getMetadata() {
            return lamina.getMetadata();
        }

        @Override
        public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean dflt, EvaluationContext ctx) {
            received.set(ctx);
            return lamina.getBooleanEvaluation(key, dflt, ctx);
        }

        @Override
        public ProviderEvaluation<String> getStringEvaluation(String key, String dflt, EvaluationContext ctx) {
            received.set(ctx);
            return lamina.getStringEvaluation(key, dflt, ctx);
        }

        @Override
        public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer dflt, EvaluationContext ctx) {
            received.set(ctx);
            return lamina.getIntegerEvaluation(key, dflt, ctx);
        }

        @Override
        public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double dflt, EvaluationContext ctx) {
            received.set(ctx);
            return lamina.getDoubleEvaluation(key, dflt, ctx);
        }

        @Override
        public ProviderEvaluation<Value> getObjectEvaluation(String key, Value dflt, EvaluationContext ctx) {
            received.set(ctx);
            return lamina.getObjectEvaluation(key, dflt, ctx);
        }
    }
}
