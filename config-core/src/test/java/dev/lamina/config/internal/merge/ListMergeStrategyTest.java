package dev.lamina.config.internal.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ListMergeStrategy;

class ListMergeStrategyTest {

    @Test
    void parsesReplaceAndAppendCaseInsensitively() {
        assertThat(ListMergeStrategy.parse("Replace")).isEqualTo(ListMergeStrategy.replace());
        assertThat(ListMergeStrategy.parse(" APPEND ")).isEqualTo(ListMergeStrategy.append());
    }

    @Test
    void parsesMergeByKeyKeepingTheFieldAsWritten() {
        assertThat(ListMergeStrategy.parse("merge-by-key:serviceName"))
                .isEqualTo(ListMergeStrategy.mergeByKey("serviceName"));
    }

    @Test
    void toStringIsTheFormParseReads() {
        for (ListMergeStrategy s : new ListMergeStrategy[] {ListMergeStrategy.replace(), ListMergeStrategy.append(),
                ListMergeStrategy.mergeByKey("id")}) {
            assertThat(ListMergeStrategy.parse(s.toString())).isEqualTo(s);
        }
    }

    @Test
    void rejectsAnUnknownStrategyListingTheValidOnes() {
        assertThatThrownBy(() -> ListMergeStrategy.parse("union"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replace, append or merge-by-key:<field>");
    }

    @Test
    void rejectsMergeByKeyWithoutAField() {
        assertThatThrownBy(() -> ListMergeStrategy.parse("merge-by-key:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a field name");
    }

    @Test
    void rejectsABlankField() {
        assertThatThrownBy(() -> ListMergeStrategy.mergeByKey(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
