package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each operator through a one-constraint flag; {@code <missing>} leaves the attribute out of the context. */
class OperatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    private static boolean matches(String operator, String valuesJson, String extra, String attribute, String value) {
        String yaml = "feature_flags:\n  f:\n    rules:\n      - constraints: [{attribute: " + attribute
                + ", operator: " + operator + ", values: " + valuesJson + extra + "}]\n";
        FlagEvaluator e = FlagDefinitions.compile(TestTrees.yaml(yaml), CLOCK);
        EvaluationContext.Builder b = EvaluationContext.builder().userId("u");
        if (!"<missing>".equals(value)) {
            if ("current_time".equals(attribute)) {
                b.currentTime(Instant.parse(value));
            } else {
                b.attribute(attribute, value);
            }
        }
        return e.isEnabled("f", b.build());
    }

    @ParameterizedTest(name = "{0} {1}{2} with {3}={4}: {5}")
    @CsvSource(delimiter = '|', value = {
        "IN               | [premium, family] |                          | segment | family      | true",
        "IN               | [premium, family] |                          | segment | Family      | false",
        "IN               | [premium]         | , case_insensitive: true | segment | PREMIUM     | true",
        "IN               | [premium]         |                          | segment | <missing>   | false",
        "IN               | []                |                          | segment | premium     | false",
        "IN               | [premium]         | , inverted: true         | segment | free        | true",
        "NOT_IN           | [free]            |                          | segment | premium     | true",
        "NOT_IN           | [free]            |                          | segment | free        | false",
        "NOT_IN           | [free]            |                          | segment | <missing>   | true",
        "NOT_IN           | []                |                          | segment | free        | true",
        "STR_STARTS_WITH  | [beta-, rc-]      |                          | channel | rc-2        | true",
        "STR_STARTS_WITH  | [beta-]           |                          | channel | BETA-1      | false",
        "STR_STARTS_WITH  | [beta-]           | , case_insensitive: true | channel | BETA-1      | true",
        "STR_ENDS_WITH    | ['@lamina.dev']   |                          | email   | a@lamina.dev | true",
        "STR_ENDS_WITH    | ['@lamina.dev']   |                          | email   | dev         | false",
        "STR_CONTAINS     | [mix]             |                          | name    | remixed     | true",
        "STR_CONTAINS     | [MIX]             | , case_insensitive: true | name    | remixed     | true",
        "STR_CONTAINS     | [mix]             | , inverted: true         | name    | <missing>   | true",
        "NUM_EQ           | [12]              |                          | n       | 12.0        | true",
        "NUM_EQ           | [12]              |                          | n       | twelve      | false",
        "NUM_EQ           | [12]              |                          | n       | NaN         | false",
        "NUM_GT           | [12]              |                          | n       | 12.5        | true",
        "NUM_GT           | [12]              |                          | n       | 12          | false",
        "NUM_GTE          | [12]              |                          | n       | 12          | true",
        "NUM_LT           | ['1e3']           |                          | n       | -5          | true",
        "NUM_LTE          | [0]               |                          | n       | 0.1         | false",
        "NUM_LTE          | [0]               |                          | n       | <missing>   | false",
        "DATE_AFTER       | ['2026-05-31T23:59:59Z'] |                   | current_time | <missing> | true",
        "DATE_AFTER       | ['2026-06-01T00:00:00Z'] |                   | current_time | <missing> | false",
        "DATE_BEFORE      | ['2026-06-01T02:00:00+02:00'] |              | current_time | <missing> | false",
        "DATE_BEFORE      | ['2026-06-01T02:00:01+02:00'] |              | current_time | <missing> | true",
        "DATE_AFTER       | ['2022-01-22T13:00:00.000+02:00'] |          | current_time | 2022-01-22T11:30:00Z | true",
        "DATE_AFTER       | ['2026-01-01'] |                             | signup  | 2026-02-01T00:00:00Z | true",
        "DATE_AFTER       | ['2026-01-01'] |                             | signup  | soon        | false",
        "SEMVER_EQ        | ['2.4.0']         |                          | app_version | 2.4.0+build.1 | true",
        "SEMVER_GT        | ['2.4.0']         |                          | app_version | 2.10.0      | true",
        "SEMVER_GT        | ['2.4.0']         |                          | app_version | 2.4.0-rc.1  | false",
        "SEMVER_GTE       | ['2.4.0-rc.1']    |                          | app_version | 2.4.0-rc.2  | true",
        "SEMVER_LT        | ['2.4.0']         |                          | app_version | 2.4.0-alpha | true",
        "SEMVER_LTE       | ['2.4.0']         |                          | app_version | v2.0.0      | false",
        "SEMVER_LT        | ['2.4.0']         |                          | app_version | <missing>   | false",
        "REGEX            | ['^user\\d{3}$']  |                          | handle  | user123     | true",
        "REGEX            | ['cat']           |                          | handle  | concatenate | true",
        "REGEX            | ['^abc$']         | , case_insensitive: true | handle  | ABC         | true",
        "REGEX            | ['^abc$']         |                          | handle  | ABC         | false",
        "IN_CIDR          | ['10.0.0.0/8', '2001:db8::/32'] |            | remote_address | 10.1.2.3 | true",
        "IN_CIDR          | ['10.0.0.0/8']    |                          | remote_address | 2001:db8::1 | false",
        "IN_CIDR          | ['10.0.0.0/8']    |                          | remote_address | not-an-ip | false",
        "IN_CIDR          | ['10.0.0.0/8']    |                          | remote_address | <missing> | false",
    })
    void evaluatesTheOperator(String operator, String values, String extra, String attribute, String value,
                              boolean expected) {
        assertThat(matches(operator, values, extra == null ? "" : extra, attribute, value)).isEqualTo(expected);
    }
}
