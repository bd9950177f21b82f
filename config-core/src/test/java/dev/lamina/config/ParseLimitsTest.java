package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** ParseLimits writes equals and hashCode out (cold start); they must behave as a record's generated ones. */
class ParseLimitsTest {

    private static final ParseLimits D = ParseLimits.DEFAULTS;

    @Test
    void equalsComparesEveryBound() {
        assertThat(new ParseLimits(10L * 1024 * 1024, 200, 1024 * 1024, 100, 100_000)).isEqualTo(D).hasSameHashCodeAs(D);
        assertThat(D.withMaxDocumentBytes(1)).isNotEqualTo(D);
        assertThat(D.withMaxDepth(1)).isNotEqualTo(D);
        assertThat(D.withMaxStringLength(1)).isNotEqualTo(D);
        assertThat(D.withMaxNumberLength(1)).isNotEqualTo(D);
        assertThat(D.withMaxNodes(1)).isNotEqualTo(D);
        assertThat(D).isNotEqualTo(null).isNotEqualTo("limits");
    }

    @Test
    void hashCodeFollowsTheBounds() {
        assertThat(D.withMaxDepth(7).hashCode()).isEqualTo(D.withMaxDepth(7).hashCode())
                .isNotEqualTo(D.withMaxDepth(8).hashCode());
    }

    @Test
    void toStringNamesTheBounds() {
        assertThat(D.toString()).isEqualTo("ParseLimits[maxDocumentBytes=10485760, maxDepth=200, "
                + "maxStringLength=1048576, maxNumberLength=100, maxNodes=100000]");
    }

    @Test
    void refusesNonPositiveBounds() {
        assertThatThrownBy(() -> D.withMaxDepth(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
