package dev.lamina.config.validation.examples;

import java.util.List;

import dev.lamina.config.validation.ValidationRule;
import dev.lamina.config.validation.internal.rules.IndexCache;
import dev.lamina.config.validation.internal.rules.StreamingRules;

/**
 * The business rules of the product's example domain, a music-streaming platform ({@code streaming.*}: bitrate
 * ladders, codecs, segment priorities, recommendation weights, experiment splits). Opt-in and kept apart from the
 * generic packs in {@code RulePacks}: a configuration that is not a music-streaming service has no use for them.
 *
 * <pre>{@code
 * ValidationEngine.builder().addRules(RulePacks.all()).addRules(MusicStreamingPack.rules()).build();
 * }</pre>
 *
 * Every rule is listed in {@code docs/rule-packs.md}; {@code configctl validate --packs streaming} runs them.
 */
public final class MusicStreamingPack {

    private MusicStreamingPack() {
    }

    /** @return the pack with {@link StreamingPolicy#DEFAULTS} */
    public static List<ValidationRule> rules() {
        return rules(StreamingPolicy.DEFAULTS);
    }

    /**
     * @param policy the thresholds
     * @return new, immutable, thread-safe rules
     */
    public static List<ValidationRule> rules(StreamingPolicy policy) {
        return StreamingRules.create(policy, new IndexCache());
    }
}
