package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigPath;

class FlagDefinitionErrorsTest {

    private static FlagEvaluator compile(String yaml) {
        return FlagDefinitions.compile(TestTrees.yaml(yaml), Clock.systemUTC());
    }

    @Test
    void rejectsRolloutAboveHundredWithPathAndLineAndColumn() {
        assertThatThrownBy(() -> compile("""
                feature_flags:
                  x:
                    rollout_percentage: 150
                """))
                .isInstanceOf(FlagDefinitionException.class)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("flags.yaml:3:25 feature_flags.x.rollout_percentage")
                .hasMessageContaining("between 0 and 100");
    }

    @Test
    void rejectsNegativeRollout() {
        assertThatThrownBy(() -> compile("feature_flags: {x: {rollout_percentage: -1}}"))
                .hasMessageContaining("feature_flags.x.rollout_percentage: must be between 0 and 100, found -1");
    }

    @Test
    void rejectsRolloutThatIsNotANumber() {
        assertThatThrownBy(() -> compile("feature_flags: {x: {rollout_percentage: lots}}"))
                .hasMessageContaining("feature_flags.x.rollout_percentage: expected a number, found a string");
    }

    @Test
    void rejectsASplitThatDoesNotSumToHundred() {
        assertThatThrownBy(() -> compile("""
                experiments:
                  e:
                    traffic_split: {control: 50, a: 30, b: 10}
                """))
                .hasMessageContaining("flags.yaml:3:20 experiments.e.traffic_split: traffic_split must sum to 100,"
                        + " found 90");
    }

    @Test
    void rejectsConfigurationForAnUnknownVariantWithASuggestion() {
        assertThatThrownBy(() -> compile("""
                experiments:
                  e:
                    traffic_split: {control: 50, variant_a: 50}
                    configurations: {varaint_a: {algorithm: dnn}}
                """))
                .hasMessageContaining("experiments.e.configurations.varaint_a: unknown variant 'varaint_a'")
                .hasMessageContaining("did you mean 'variant_a'?");
    }

    @Test
    void rejectsAPrerequisiteOnAnUnknownVariant() {
        assertThatThrownBy(() -> compile("""
                feature_flags:
                  colour: {variants: [{name: blue, weight: 1}]}
                  child: {depends_on: [{flag: colour, variants: [bleu]}]}
                """))
                .hasMessageContaining("feature_flags.child.depends_on[0].flag: unknown variant 'bleu' of flag 'colour'")
                .hasMessageContaining("did you mean 'blue'?");
    }

    @Test
    void rejectsAPrerequisiteOnAnUnknownFlag() {
        assertThatThrownBy(() -> compile("""
                feature_flags:
                  advanced_audio_analytics: {}
                  child: {depends_on: [advanced_audio_analitics]}
                """))
                .hasMessageContaining("feature_flags.child.depends_on[0]: unknown prerequisite flag")
                .hasMessageContaining("did you mean 'advanced_audio_analytics'?");
    }

    @Test
    void rejectsAPrerequisiteCycleNamingItsFlags() {
        assertThatThrownBy(() -> compile("""
                feature_flags:
                  a: {depends_on: [b]}
                  b: {depends_on: [c]}
                  c: {depends_on: [a]}
                """))
                .hasMessageContaining("prerequisite cycle: a -> b -> c -> a")
                .hasMessageContaining("flags.yaml:4:20 feature_flags.c.depends_on[0]");
    }

    @Test
    void rejectsAFlagThatDependsOnItself() {
        assertThatThrownBy(() -> compile("feature_flags: {a: {depends_on: [a]}}"))
                .hasMessageContaining("prerequisite cycle: a -> a");
    }

    @Test
    void rejectsAnUnknownOperatorWithASuggestion() {
        assertThatThrownBy(() -> compile("""
                feature_flags:
                  x:
                    rules:
                      - constraints: [{attribute: app_version, operator: SEMVER_GTEE, values: ["1.0.0"]}]
                """))
                .hasMessageContaining("feature_flags.x.rules[0].constraints[0].operator: unknown operator"
                        + " 'SEMVER_GTEE'")
                .hasMessageContaining("did you mean 'SEMVER_GTE'?");
    }

    @Test
    void rejectsAnInvalidRegularExpression() {
        assertThatThrownBy(() -> compile("""
                feature_flags:
                  x: {rules: [{constraints: [{attribute: email, operator: REGEX, values: ["(unclosed"]}]}]}
                """))
                .hasMessageContaining("feature_flags.x.rules[0].constraints[0].values[0]: invalid regular expression");
    }

    @Test
    void rejectsLookaroundAndBackreferencesThatRe2CannotRun() {
        assertThatThrownBy(() -> compile("""
                feature_flags:
                  x: {rules: [{constraints: [{attribute: e, operator: REGEX, values: ["^(?=a)b$", "(a)\\\\1"]}]}]}
                """))
                .isInstanceOfSatisfying(FlagDefinitionException.class,
                        e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void rejectsAnUnknownKeyWithDidYouMean() {
        assertThatThrownBy(() -> compile("""
                feature_flags:
                  x:
                    rollout_percentge: 20
                """))
                .hasMessageContaining("flags.yaml:3:24 feature_flags.x.rollout_percentge: unknown key"
                        + " 'rollout_percentge' (did you mean 'rollout_percentage'?)");
    }

    @Test
    void rejectsBadValuesForTypedOperators() {
        FlagDefinitionException e = catchThrowableOfType(FlagDefinitionException.class, () -> compile("""
                feature_flags:
                  x:
                    rules:
                      - constraints:
                          - {attribute: n, operator: NUM_GT, values: [ten]}
                          - {attribute: v, operator: SEMVER_EQ, values: [v1.0.0]}
                          - {attribute: current_time, operator: DATE_AFTER, values: [yesterday]}
                          - {attribute: remote_address, operator: IN_CIDR, values: [intranet.local]}
                """));
        assertThat(e.problems()).extracting(p -> p.path().toString()).containsExactly(
                "feature_flags.x.rules[0].constraints[0].values[0]",
                "feature_flags.x.rules[0].constraints[1].values[0]",
                "feature_flags.x.rules[0].constraints[2].values[0]",
                "feature_flags.x.rules[0].constraints[3].values[0]");
    }

    @Test
    void collectsEveryProblemAndReportsThemTogether() {
        FlagDefinitionException e = catchThrowableOfType(FlagDefinitionException.class, () -> compile("""
                feature_flags:
                  a: {rollout_percentage: 101}
                  b: {enabled: maybe}
                experiments:
                  e: {traffic_split: {a: 10}}
                """));
        assertThat(e.problems()).hasSize(3);
        assertThat(e.getMessage()).startsWith("3 problems in flag definitions:")
                .contains("flags.yaml:2:27 feature_flags.a.rollout_percentage")
                .contains("feature_flags.b.enabled: expected true or false")
                .contains("experiments.e.traffic_split");
        assertThat(e.problems().get(0).path()).isEqualTo(ConfigPath.parse("feature_flags.a.rollout_percentage"));
    }

    @Test
    void rejectsOverlappingExclusionRangesInOneGroup() {
        assertThatThrownBy(() -> compile("""
                experiments:
                  e1: {traffic_split: {a: 100}, exclusion_group: home, exclusion_range: [0, 50]}
                  e2: {traffic_split: {a: 100}, exclusion_group: home, exclusion_range: [40, 60]}
                  e3: {traffic_split: {a: 100}, exclusion_group: other, exclusion_range: [40, 60]}
                """))
                .hasMessageContaining("experiments.e2.exclusion_range: exclusion_range overlaps experiment 'e1'"
                        + " in exclusion group 'home'");
    }

    @Test
    void rejectsAnExclusionGroupWithoutRangeAndAnEmptyRange() {
        FlagDefinitionException e = catchThrowableOfType(FlagDefinitionException.class, () -> compile("""
                experiments:
                  e1: {traffic_split: {a: 100}, exclusion_group: home}
                  e2: {traffic_split: {a: 100}, exclusion_group: home, exclusion_range: [30, 30]}
                """));
        assertThat(e.problems()).extracting(FlagDefinitionException.Problem::reason).containsExactly(
                "exclusion_group needs exclusion_range: [start, end) in percent",
                "exclusion_range end must be greater than its start");
    }

    @Test
    void rejectsDuplicateReservedAndWeightlessVariants() {
        FlagDefinitionException e = catchThrowableOfType(FlagDefinitionException.class, () -> compile("""
                feature_flags:
                  a: {variants: [{name: x, weight: 1}, {name: x, weight: 1}]}
                  b: {variants: [{name: disabled, weight: 1}]}
                  c: {variants: [{name: y, weight: 0}]}
                  d: {variants: [{name: z, weight: 1.5}]}
                """));
        assertThat(e.problems()).extracting(p -> p.path().toString()).containsExactly(
                "feature_flags.a.variants[1].name", "feature_flags.b.variants[0].name", "feature_flags.c.variants",
                "feature_flags.d.variants[0].weight");
    }

    @Test
    void rejectsAScheduleThatEndsBeforeItStartsAndDatesWithoutOffset() {
        FlagDefinitionException e = catchThrowableOfType(FlagDefinitionException.class, () -> compile("""
                feature_flags:
                  a: {schedule: {start: 2026-03-01T00:00:00Z, end: 2026-01-01T00:00:00Z}}
                  b: {schedule: {start: "2026-03-01T00:00:00"}}
                """));
        assertThat(e.problems()).extracting(p -> p.path().toString())
                .containsExactly("feature_flags.a.schedule.end", "feature_flags.b.schedule.start");
    }

    @Test
    void rejectsASectionThatIsNotAnObject() {
        assertThatThrownBy(() -> compile("feature_flags: [a, b]"))
                .hasMessageContaining("feature_flags: expected an object, found a list");
    }

    @Test
    void rejectsAConstraintWithoutOperator() {
        assertThatThrownBy(() -> compile("feature_flags: {x: {rules: [{constraints: [{attribute: a}]}]}}"))
                .hasMessageContaining("feature_flags.x.rules[0].constraints[0]: a constraint needs 'attribute' and"
                        + " 'operator'");
    }
}
