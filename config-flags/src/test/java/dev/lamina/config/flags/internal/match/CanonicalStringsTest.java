package dev.lamina.config.flags.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lamina.config.flags.internal.context.ContextData;
import dev.lamina.config.flags.internal.eval.CompiledFlag;
import dev.lamina.config.flags.internal.eval.CompiledFlags;

/**
 * Names and values parsed from a file are fresh String instances; the compiled forms hold the canonical (interned)
 * instance so that lookups with a constant hit the identity check before String.equals (most of the ~45 ns gap
 * between definitions built in code and the same definitions loaded from YAML).
 */
class CanonicalStringsTest {

    @SuppressWarnings("StringOperationCanBeSimplified")
    private static String fresh(String s) {
        return new String(s);
    }

    @Test
    void attributeRefHoldsTheCanonicalInstanceOfAParsedName() {
        AttributeRef ref = new AttributeRef(fresh("user_segment"));

        assertThat(ref.name()).isSameAs("user_segment");
    }

    @Test
    void compiledFlagsKeyTheCanonicalInstanceOfAParsedKey() {
        Map<String, CompiledFlag> flags = new LinkedHashMap<>();
        flags.put(fresh("enhanced_anomaly_detection"), null);

        CompiledFlags compiled = new CompiledFlags(flags, Map.of(), null);

        assertThat(compiled.flags().keySet()).singleElement().isSameAs("enhanced_anomaly_detection");
    }

    @Test
    void inConstraintStillMatchesEqualValuesThatAreDifferentInstances() {
        Constraint in = Constraints.in(new AttributeRef("user_segment"), List.of(fresh("premium")), false, false,
                false);
        ContextData ctx = new ContextData(new String[ContextData.CURRENT_TIME + 1], Map.of("user_segment",
                fresh("premium")), null);

        assertThat(in.matches(ctx)).isTrue();
    }
}
