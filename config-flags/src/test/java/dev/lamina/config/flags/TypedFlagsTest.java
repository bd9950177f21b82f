package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.Origin;

/** Typed flag values: declared types checked at load, resolution, typed getters, typed context attributes. */
class TypedFlagsTest {

    private static final String FLAGS = """
            feature_flags:
              max_upload_mb:
                type: integer
                description: "Upload limit per plan"
                variants:
                  - {name: standard, value: 50}
                  - {name: premium, value: 500}
                default_variant: standard
                rules:
                  - name: premium-users
                    constraints: [{attribute: plan, operator: IN, values: [premium]}]
                    variant: premium
              bitrate_ratio:
                type: double
                variants: [{name: normal, value: 1}, {name: low, value: 0.5}]
                default_variant: normal
              greeting:
                type: string
                variants: [{name: hi, value: "hi"}]
                default_variant: hi
                metadata: {owner: growth, version: 2}
              dark_mode:
                type: boolean
                targeting: {region: [EU]}
              player:
                type: object
                variants: [{name: v1, value: {buffer_seconds: 30, codecs: [aac, opus]}}]
                default_variant: v1
              off_switch:
                enabled: false
                type: integer
                variants: [{name: a, value: 1}]
                default_variant: a
              legacy:
                variants:
                  - {name: blue, weight: 1, payload: {type: string, value: "#00f"}}
            """;

    private final FlagEvaluator flags = FlagDefinitions.compile(TestTrees.yaml(FLAGS), Clock.systemUTC());
    private final EvaluationContext premium = EvaluationContext.builder().userId("u1").attribute("plan", "premium").build();
    private final EvaluationContext free = EvaluationContext.builder().userId("u2").attribute("plan", "free").build();

    @Test
    void resolvesTypedValuesByRuleAndDefaultVariant() {
        assertThat(flags.integerValue("max_upload_mb", premium, -1)).isEqualTo(500);
        assertThat(flags.integerValue("max_upload_mb", free, -1)).isEqualTo(50);
        FlagResolution r = flags.resolve("max_upload_mb", premium);
        assertThat(r.reason()).isEqualTo(Reason.TARGETING_MATCH);
        assertThat(r.variant().map(Variant::name)).contains("premium");
        assertThat(r.matchedRule()).contains("premium-users");
        assertThat(r.openFeatureReason()).isEqualTo("TARGETING_MATCH");
        FlagResolution miss = flags.resolve("max_upload_mb", free);
        assertThat(miss.openFeatureReason()).isEqualTo("DEFAULT");
        assertThat(miss.variant().map(Variant::name)).contains("standard");
    }

    @Test
    void staticFlagsAreStaticAndNeedNoContext() {
        FlagResolution r = flags.resolve("greeting", EvaluationContext.empty());
        assertThat(r.staticFlag()).isTrue();
        assertThat(r.openFeatureReason()).isEqualTo("STATIC");
        assertThat(r.metadata()).containsEntry("owner", new FlagValue.StringValue("growth"))
                .containsEntry("version", new FlagValue.IntegerValue(2));
        assertThat(flags.needsContext("greeting")).isFalse();
        assertThat(flags.needsContext("max_upload_mb")).isTrue();
        assertThat(flags.needsContext("off_switch")).isFalse();
    }

    @Test
    void typedGettersFallBackToTheCallersDefault() {
        assertThat(flags.doubleValue("bitrate_ratio", free, 9.0)).isEqualTo(1.0);
        assertThat(flags.doubleValue("max_upload_mb", premium, 9.0)).as("integers widen").isEqualTo(500.0);
        assertThat(flags.integerValue("bitrate_ratio", free, 7)).as("doubles do not narrow").isEqualTo(7);
        assertThat(flags.stringValue("max_upload_mb", free, "d")).isEqualTo("d");
        assertThat(flags.integerValue("off_switch", free, 42)).as("disabled").isEqualTo(42);
        assertThat(flags.integerValue("missing", free, 42)).isEqualTo(42);
        assertThat(flags.booleanValue("dark_mode", EvaluationContext.builder().attribute("region", "EU").build(), false))
                .isTrue();
        assertThat(flags.booleanValue("dark_mode", free, true)).as("off is false, not the default").isFalse();
        assertThat(flags.booleanValue("legacy", free, false)).as("untyped: on/off").isTrue();
        assertThat(flags.stringValue("legacy", free, "-")).as("untyped: the payload").isEqualTo("#00f");
        ConfigNode player = flags.objectValue("player", free, ConfigObject.empty(Origin.UNKNOWN));
        assertThat(((ConfigObject) player).entries()).containsKey("buffer_seconds");
        assertThat(((ConfigObject) player).entries().get("codecs")).isInstanceOf(ConfigList.class);
        FlagResolution mismatch = flags.resolve("greeting", free);
        assertThat(mismatch.mismatches(FlagType.INTEGER)).isTrue();
        assertThat(mismatch.mismatches(FlagType.STRING)).isFalse();
    }

    @Test
    void payloadsThatDoNotParseAreReportedNotServedAsSomethingElse() {
        FlagEvaluator e = FlagDefinitions.compile(TestTrees.yaml("""
                feature_flags:
                  bad_json: {variants: [{name: a, weight: 1, payload: {type: json, value: "{oops"}}]}
                  bad_number: {variants: [{name: n, weight: 1, payload: {type: number, value: "1e999"}}]}
                  good_json: {variants: [{name: g, weight: 1, payload: {type: json, value: "[1, 2]"}}]}
                  text: {variants: [{name: t, weight: 1, payload: {type: string, value: "{oops"}}]}
                """), Clock.systemUTC());
        EvaluationContext u = EvaluationContext.ofUser("u");
        FlagResolution badJson = e.resolve("bad_json", u);
        assertThat(badJson.payloadProblem(FlagType.OBJECT)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("json payload of variant 'a' of flag 'bad_json' is not valid JSON").doesNotContain("oops");
        assertThat(badJson.payloadProblem(FlagType.STRING)).as("the text is still served").isEmpty();
        assertThat(e.stringValue("bad_json", u, "-")).isEqualTo("{oops");
        assertThat(e.objectValue("bad_json", u, ConfigObject.empty(Origin.UNKNOWN))).isEqualTo(
                ConfigObject.empty(Origin.UNKNOWN));
        assertThat(e.resolve("bad_number", u).payloadProblem(FlagType.INTEGER)).get(
                org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("not a finite number");
        assertThat(e.integerValue("bad_number", u, 5)).isEqualTo(5);
        assertThat(e.resolve("good_json", u).payloadProblem(FlagType.OBJECT)).isEmpty();
        assertThat(e.objectValue("good_json", u, ConfigObject.empty(Origin.UNKNOWN))).isInstanceOf(ConfigList.class);
        assertThat(e.resolve("text", u).payloadProblem(FlagType.OBJECT)).as("a string payload is text, not JSON")
                .isEmpty();
    }

    @Test
    void resolutionsAreSharedPerOutcome() {
        assertThat(flags.resolve("max_upload_mb", premium)).isSameAs(flags.resolve("max_upload_mb",
                EvaluationContext.builder().userId("other").attribute("plan", "premium").build()));
        assertThat(flags.resolve("max_upload_mb", premium).slot()).isBetween(0, flags.resolutionSlots() - 1);
        assertThat(flags.resolve("missing", premium).slot()).isEqualTo(-1);
    }

    @Test
    void changedFlagsComparesDefinitionsAsValues() {
        FlagEvaluator moved = FlagDefinitions.compile(TestTrees.yaml("\n\n" + FLAGS), Clock.systemUTC());
        assertThat(moved.changedFlags(flags)).as("only the lines moved").isEmpty();
        FlagEvaluator edited = FlagDefinitions.compile(TestTrees.yaml(FLAGS.replace("value: 500", "value: 800")
                .replace("  legacy:", "  legacy2:")), Clock.systemUTC());
        assertThat(edited.changedFlags(flags)).containsExactly("max_upload_mb", "legacy2", "legacy");
    }

    @Test
    void typedGettersOnTheDynamicManager(@TempDir Path dir) {
        DynamicFixture.write(dir, "base.yaml", FLAGS);
        ConfigurationManager m = DynamicFixture.manager(dir);
        try (DynamicConfigurationManager dynamic = new DynamicConfigurationManager(m, DynamicFixture.CLOCK, null)) {
            assertThat(dynamic.getIntegerFlag("max_upload_mb", premium, 0)).isEqualTo(500);
            assertThat(dynamic.getDoubleFlag("bitrate_ratio", premium, 0)).isEqualTo(1.0);
            assertThat(dynamic.getStringFlag("greeting", premium, "-")).isEqualTo("hi");
            assertThat(dynamic.getBooleanFlag("dark_mode", premium, true)).isFalse();
            assertThat(dynamic.getObjectFlag("player", premium, ConfigObject.empty(Origin.UNKNOWN)))
                    .isInstanceOf(ConfigObject.class);
            assertThat(dynamic.resolveFlag("max_upload_mb", premium).reason()).isEqualTo(Reason.TARGETING_MATCH);
            m.updateConfig("feature_flags.max_upload_mb.default_variant", "premium");
            assertThat(dynamic.getIntegerFlag("max_upload_mb", free, 0)).isEqualTo(500);
        }
    }

    // ---------------------------------------------------------------- bad definitions

    private static void rejects(String yaml, String... messages) {
        var thrown = assertThatThrownBy(() -> FlagDefinitions.compile(TestTrees.yaml(yaml), Clock.systemUTC()))
                .isInstanceOf(FlagDefinitionException.class);
        for (String m : messages) {
            thrown.hasMessageContaining(m);
        }
    }

    @Test
    void rejectsAValueOfTheWrongType() {
        rejects("""
                feature_flags:
                  x:
                    type: integer
                    variants: [{name: a, value: "ten"}]
                """, "flags.yaml:4:", "feature_flags.x.variants[0].value", "expected an integer value for a flag of type integer, found a string");
        rejects("feature_flags: {x: {type: integer, variants: [{name: a, value: 1.5}]}}", "whole number");
        rejects("feature_flags: {x: {type: string, variants: [{name: a, value: 12}]}}", "quote it");
        rejects("feature_flags: {x: {type: boolean, variants: [{name: a, value: yes please}]}}",
                "expected a boolean value");
        rejects("feature_flags: {x: {type: object, variants: [{name: a, value: 3}]}}", "expected a object value");
        rejects("feature_flags: {x: {type: double, variants: [{name: a, value: [1]}]}}", "found a list");
    }

    @Test
    void rejectsUnknownTypesMissingValuesAndValuesWithoutAType() {
        rejects("feature_flags: {x: {type: integr}}", "unknown flag type 'integr'", "did you mean 'integer'");
        rejects("feature_flags: {x: {type: string, variants: [{name: a}]}}", "needs a 'value'");
        rejects("feature_flags: {x: {variants: [{name: a, weight: 1, value: 3}]}}", "needs the flag's 'type'");
    }

    @Test
    void rejectsUnknownDefaultAndServedVariants() {
        rejects("feature_flags: {x: {type: string, variants: [{name: a, value: A}], default_variant: b}}",
                "feature_flags.x.default_variant", "unknown variant 'b'");
        rejects("""
                feature_flags:
                  x:
                    type: string
                    variants: [{name: a, value: A}]
                    rules: [{variant: zz}]
                """, "feature_flags.x.rules[0].variant", "unknown variant 'zz'");
        rejects("feature_flags: {x: {metadata: {nested: {a: 1}}}}", "feature_flags.x.metadata.nested",
                "strings, numbers or booleans");
    }

    // ---------------------------------------------------------------- typed context attributes

    @Test
    void typedAttributesKeepTheirTypesAndTextForms() {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        EvaluationContext ctx = EvaluationContext.builder().typedAttribute("age", 65).typedAttribute("score", 0.5)
                .typedAttribute("beta", true).typedAttribute("signup", t).typedAttribute("plans", List.of("free", "premium"))
                .typedAttribute("user_id", 42L).attribute("plain", "text").build();
        assertThat(ctx.typedAttributes()).containsEntry("age", 65L).containsEntry("score", 0.5)
                .containsEntry("beta", true).containsEntry("signup", t).containsEntry("plans", List.of("free", "premium"))
                .containsEntry("plain", "text");
        assertThat(ctx.attributes()).containsEntry("age", "65").containsEntry("score", "0.5")
                .containsEntry("beta", "true").containsEntry("signup", "2026-03-01T10:00:00Z")
                .containsEntry("plans", "free,premium");
        assertThat(ctx.userId()).contains("42");
        FlagEvaluator e = FlagDefinitions.compile(TestTrees.yaml("""
                feature_flags:
                  seniors: {rules: [{constraints: [{attribute: age, operator: NUM_GTE, values: [65]}]}]}
                  early: {rules: [{constraints: [{attribute: signup, operator: DATE_BEFORE, values: ["2026-06-01T00:00:00Z"]}]}]}
                  paying: {rules: [{constraints: [{attribute: plans, operator: IN, values: [premium]}]}]}
                  not_paying: {rules: [{constraints: [{attribute: plans, operator: NOT_IN, values: [premium]}]}]}
                  betas: {targeting: {beta: ["true"]}}
                """), Clock.systemUTC());
        assertThat(e.isEnabled("seniors", ctx)).isTrue();
        assertThat(e.isEnabled("early", ctx)).isTrue();
        assertThat(e.isEnabled("paying", ctx)).isTrue();
        assertThat(e.isEnabled("not_paying", ctx)).isFalse();
        assertThat(e.isEnabled("betas", ctx)).isTrue();
    }

    @Test
    void typedAttributesRejectOtherTypes() {
        assertThatThrownBy(() -> EvaluationContext.builder().typedAttribute("x", new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> EvaluationContext.builder().typedAttribute("current_time", "now"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Instant");
        assertThat(EvaluationContext.builder().typedAttribute("x", 1).typedAttribute("x", null).build().typedAttributes())
                .isEmpty();
    }
}
