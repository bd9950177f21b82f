package dev.lamina.config.flags.openfeature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;

import dev.lamina.config.flags.EvaluationContext;
import dev.lamina.config.flags.FlagEvaluator;
import dev.lamina.config.flags.UnleashFormat;

/**
 * The migration docs/openfeature.md describes, on an Unleash state in the shape of the client's "advanced" examples
 * (our own file, {@code src/test/resources/unleash/segments-and-dates-state.json}): segments with {@code NUM_GT},
 * {@code DATE_AFTER} and case-insensitive {@code STR_CONTAINS}, flag keys with dots, and one flag that reads
 * {@code currentTime}: imported with {@link UnleashFormat}, served by {@link LaminaProvider} through the SDK's client,
 * with a context whose attributes keep their OpenFeature types (integers, an instant, a boolean).
 */
class UnleashMigrationTest {

    private static Client client;
    private static FlagEvaluator flags;

    @BeforeAll
    static void importTheState() throws Exception {
        String json;
        try (InputStream in = UnleashMigrationTest.class.getResourceAsStream("/unleash/segments-and-dates-state.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        flags = UnleashFormat.compile(json, "segments-and-dates-state.json", Fixtures.CLOCK);
        OpenFeatureAPI.getInstance().setProviderAndWait("unleash-migration", new LaminaProvider(flags));
        client = OpenFeatureAPI.getInstance().getClient("unleash-migration");
    }

    /** A user in all four segments, with typed attributes as an OpenFeature caller sets them. */
    private static Map<String, Value> winner() {
        Map<String, Value> m = new HashMap<>();
        m.put("wins", new Value(6));
        m.put("dateLastWin", new Value(Instant.parse("2022-06-01T00:00:00Z")));
        m.put("followers", new Value(1500));
        m.put("single", new Value(true));
        m.put("catOrDog", new Value("Cat person"));
        return m;
    }

    @Test
    void aUserInEverySegmentGetsAVariantAsUnleashWouldServeIt() throws IOException {
        ImmutableContext ctx = new ImmutableContext("user-1", winner());
        assertThat(client.getBooleanValue("loyalty.reward_variant", false, ctx)).isTrue();
        // unleash.getVariant("loyalty.reward_variant", ctx) becomes getStringDetails: the variant is the served variant's name.
        FlagEvaluationDetails<String> variant = client.getStringDetails("loyalty.reward_variant", "disabled", ctx);
        assertThat(variant.getVariant()).isIn("calm", "bold");
        assertThat(variant.getValue()).isEqualTo(variant.getVariant()); // no payload: the name
        assertThat(variant.getReason()).isEqualTo("SPLIT");
        assertThat(variant.getVariant()).as("the same as the engine with Lamina's own context")
                .isEqualTo(flags.variant("loyalty.reward_variant", EvaluationContext.builder().userId("user-1")
                        .typedAttribute("wins", 6).typedAttribute("dateLastWin", Instant.parse("2022-06-01T00:00:00Z"))
                        .typedAttribute("followers", 1500).typedAttribute("single", true)
                        .typedAttribute("catOrDog", "Cat person").build()).orElseThrow().name());
        assertThat(client.getStringValue("loyalty.reward_variant", "disabled", ctx)).as("sticky").isEqualTo(variant.getValue());
    }

    @Test
    void eachSegmentConstraintComparesTheTypedValue() {
        Map<String, Value> fiveWins = winner();
        fiveWins.put("wins", new Value(5)); // NUM_GT 5: not above
        Map<String, Value> oldWin = winner();
        oldWin.put("dateLastWin", new Value(Instant.parse("2022-05-01T11:59:59Z"))); // before the DATE_AFTER bound
        Map<String, Value> dog = winner();
        dog.put("catOrDog", new Value("dog"));
        Map<String, Value> married = winner();
        married.put("single", new Value(false));
        Map<String, Value> decimals = winner();
        decimals.put("followers", new Value(1000.5)); // NUM_GT 1000 on a double
        for (Map<String, Value> m : java.util.List.of(fiveWins, oldWin, dog, married)) {
            FlagEvaluationDetails<Boolean> d = client.getBooleanDetails("loyalty.reward_variant", true,
                    new ImmutableContext("user-1", m));
            assertThat(d.getValue()).as(m.toString()).isFalse();
            assertThat(d.getReason()).isEqualTo("DEFAULT");
            assertThat(d.getErrorCode()).isNull();
        }
        assertThat(client.getBooleanValue("loyalty.reward_variant", false, new ImmutableContext("user-1", decimals))).isTrue();
    }

    @Test
    void currentTimeComesFromTheContextOrTheClock() {
        assertThat(client.getBooleanValue("launch.after_date", false, new ImmutableContext("u")))
                .as("the provider's clock, 2026").isTrue();
        assertThat(client.getBooleanValue("launch.after_date", true, new ImmutableContext("u",
                Map.of("currentTime", new Value(Instant.parse("2022-01-01T00:00:00Z")))))).isFalse();
        assertThat(client.getBooleanDetails("launch.after_date", true, new ImmutableContext("u",
                Map.of("currentTime", new Value("last tuesday")))).getErrorCode())
                .isEqualTo(dev.openfeature.sdk.ErrorCode.INVALID_CONTEXT);
    }
}
