package dev.lamina.config.overrides;

import java.util.List;

/**
 * Whether an override applies, and if not, why: one sentence per condition that does not hold, such as
 * {@code requires environment in [development, testing], loading production}.
 *
 * @param applies {@code true} when every condition holds
 * @param reasons why it does not apply; empty when it applies
 */
public record ConditionResult(boolean applies, List<String> reasons) {

    /** Copies the reasons. */
    public ConditionResult {
        reasons = List.copyOf(reasons);
    }

    /** @return the reasons joined with {@code ; }, or {@code applies} */
    public String describe() {
        return applies ? "applies" : String.join("; ", reasons);
    }
}
