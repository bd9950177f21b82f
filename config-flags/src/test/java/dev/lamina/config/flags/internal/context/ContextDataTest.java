package dev.lamina.config.flags.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Custom attributes are scanned by identity first, then looked up by equality (through a hash index when there are
 * many), so a name that is equal but not the same instance must still be found, and an absent one must not be.
 */
class ContextDataTest {

    @SuppressWarnings("StringOperationCanBeSimplified")
    private static String fresh(String s) {
        return new String(s);
    }

    private static ContextData withAttributes(int count) {
        Map<String, String> custom = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            custom.put(fresh("attr_" + i), "value-" + i);
        }
        return new ContextData(new String[ContextData.CURRENT_TIME + 1], custom, null);
    }

    @ParameterizedTest(name = "{0} attributes")
    @ValueSource(ints = {1, 2, 8, 9, 40})
    void findsEveryAttributeByAnEqualNameThatIsAnotherInstance(int count) {
        ContextData ctx = withAttributes(count);

        for (int i = 0; i < count; i++) {
            assertThat(ctx.custom(fresh("attr_" + i))).as("attr_%d", i)
                    .extracting(AttributeValue::raw).isEqualTo("value-" + i);
        }
    }

    @ParameterizedTest(name = "{0} attributes")
    @ValueSource(ints = {0, 1, 8, 9, 40})
    void anAbsentAttributeIsNull(int count) {
        ContextData ctx = withAttributes(count);

        assertThat(ctx.custom("attr_" + count)).isNull();
        assertThat(ctx.custom("user_id")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"listener-42", "é-ø", "你好", "🌍", "\uD800lone", ""})
    void carriesTheUtf8BytesBucketingHashes(String raw) {
        assertThat(new AttributeValue(raw).utf8()).isEqualTo(raw.getBytes(StandardCharsets.UTF_8));
    }
}
