package dev.lamina.config.internal.tree;

import static dev.lamina.config.internal.tree.TestTrees.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigMissingException;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigTypeException;
import dev.lamina.config.Configuration;
import dev.lamina.config.DataSize;
import dev.lamina.config.testing.ThreadAllocation;

class TreeConfigurationGettersTest {

    enum Mode { FAST_START, SAFE }

    private static final Configuration C = new ConfigLoader().fromLayers(List.of(layer("app.json", """
            {
              'server': {'port': 8080, 'quotedPort': '8080', 'fraction': 8080.9, 'exp': 1e3, 'octal': '0755',
                         'big': 3000000000, 'huge': 99999999999999999999, 'word': '80a', 'spaced': ' 80',
                         'host': 'example.org'},
              'flags': {'on': true, 'upper': 'TRUE', 'yes': 'yes', 'one': 1},
              'ratio': 0.75, 'tooBig': 1e400,
              'timeout': 30, 'bad-timeout': 'soon', 'flag': false,
              'size': 1024, 'bad-size': 'lots',
              'mode': 'fast-start', 'bad-mode': 'turbo',
              'ports': [80, 443, 'x'], 'names': ['a', 'b'], 'holes': [1, null],
              'db': {'password': 'hunter2', 'user': 'admin'},
              'sealed': 'ENC[v1,AES256_GCM,kid:k1,iv:aa,data:bb,tag:cc]',
              'empty': {}, 'nums': {'l': 9007199254740993, 'd': 1.5, 'exact': 1000010002020389.8787987983}
            }
            """)));

    // ------------------------------------------------------------------ strings

    @Test
    void getStringReturnsTheTextAsWritten() {
        assertThat(C.getString("server.host")).isEqualTo("example.org");
        assertThat(C.getString("server.octal")).isEqualTo("0755");
        assertThat(C.getString("server.fraction")).isEqualTo("8080.9");
    }

    @Test
    void getStringRejectsAnObject() {
        assertThatThrownBy(() -> C.getString("server"))
                .isInstanceOf(ConfigTypeException.class)
                .hasMessageContaining("app.json:2:13 server: expected a string, found an object");
    }

    @Test
    void getStringRejectsNullInsideAList() {
        assertThatThrownBy(() -> C.getString("holes[1]"))
                .isInstanceOf(ConfigTypeException.class)
                .hasMessageContaining("holes[1]: expected a string, found null");
    }

    // ------------------------------------------------------------------ integers

    @Test
    void getIntReadsAnIntegerAndAQuotedInteger() {
        assertThat(C.getInt("server.port")).isEqualTo(8080);
        assertThat(C.getInt("server.quotedPort")).isEqualTo(8080);
    }

    @Test
    void getIntAcceptsOtherSpellingsOfThePath() {
        assertThat(C.getInt("ports.1")).isEqualTo(443);
        assertThat(C.getInt("\"server\".port")).isEqualTo(8080);
    }

    @Test
    void getIntRejectsAFractionWithOriginAndPath() {
        assertThatThrownBy(() -> C.getInt("server.fraction"))
                .isInstanceOf(ConfigTypeException.class)
                .hasMessageContaining("app.json:2:62 server.fraction: expected an integer, found the number 8080.9")
                .hasMessageContaining("never rounded");
    }

    @Test
    void getIntRejectsAnExponentEvenWhenWhole() {
        assertThatThrownBy(() -> C.getInt("server.exp"))
                .isInstanceOf(ConfigTypeException.class)
                .hasMessageContaining("server.exp: expected an integer, found the number 1e3");
    }

    @Test
    void getIntRejectsLeadingZeros() {
        assertThatThrownBy(() -> C.getInt("server.octal"))
                .hasMessageContaining("found the string \"0755\"")
                .hasMessageContaining("leading zeros");
    }

    @Test
    void getIntRejectsOverflowInsteadOfWrapping() {
        assertThatThrownBy(() -> C.getInt("server.big"))
                .isInstanceOf(ConfigTypeException.class)
                .hasMessageContaining("server.big: expected an integer between -2147483648 and 2147483647 (int)")
                .hasMessageContaining("out of range");
    }

    @Test
    void getIntRejectsWordsAndSpaces() {
        assertThatThrownBy(() -> C.getInt("server.word")).hasMessageContaining("found the string \"80a\"");
        assertThatThrownBy(() -> C.getInt("server.spaced")).hasMessageContaining("remove the spaces");
    }

    @Test
    void getIntRejectsNullRatherThanReadingZero() {
        assertThatThrownBy(() -> C.getInt("holes[1]"))
                .isInstanceOf(ConfigTypeException.class)
                .hasMessageContaining("holes[1]: expected an integer, found null");
    }

    @Test
    void getIntOnAbsentPathThrowsMissingWithSuggestion() {
        assertThatThrownBy(() -> C.getInt("server.prot"))
                .isInstanceOf(ConfigMissingException.class)
                .hasMessageContaining("server.prot: no value is set (did you mean server.port?)");
    }

    @Test
    void getIntRejectsAMalformedPath() {
        assertThatThrownBy(() -> C.getInt("server..port")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typeErrorNeverQuotesASecretPath() {
        assertThatThrownBy(() -> C.getInt("db.password"))
                .isInstanceOf(ConfigTypeException.class)
                .hasMessageContaining("db.password: expected an integer, found a string (value hidden: secret)")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void typeErrorNeverQuotesAnEncryptedValue() {
        assertThatThrownBy(() -> C.getInt("sealed"))
                .hasMessageContaining("sealed: expected an integer, found a string (value hidden: secret)")
                .hasMessageNotContaining("AES256");
    }

    @Test
    void getLongReadsBeyondIntRange() {
        assertThat(C.getLong("server.big")).isEqualTo(3_000_000_000L);
    }

    @Test
    void getLongRejectsBeyondLongRange() {
        assertThatThrownBy(() -> C.getLong("server.huge"))
                .hasMessageContaining("between -9223372036854775808 and 9223372036854775807 (long)");
    }

    @Test
    void getLongRejectsAFraction() {
        assertThatThrownBy(() -> C.getLong("ratio")).hasMessageContaining("ratio: expected an integer, found the number 0.75");
    }

    // ------------------------------------------------------------------ doubles and booleans

    @Test
    void getDoubleReadsDecimalsAndIntegers() {
        assertThat(C.getDouble("ratio")).isEqualTo(0.75);
        assertThat(C.getDouble("server.port")).isEqualTo(8080.0);
    }

    @Test
    void getDoubleRejectsValuesBeyondDoubleRange() {
        assertThatThrownBy(() -> C.getDouble("tooBig")).hasMessageContaining("tooBig: expected a number within double range");
    }

    @Test
    void getDoubleRejectsAWord() {
        assertThatThrownBy(() -> C.getDouble("server.host")).hasMessageContaining("expected a number, found the string");
    }

    @Test
    void getBooleanAcceptsTrueAndFalseInAnyCase() {
        assertThat(C.getBoolean("flags.on")).isTrue();
        assertThat(C.getBoolean("flags.upper")).isTrue();
        assertThat(C.getBoolean("flag")).isFalse();
    }

    @Test
    void getBooleanRejectsYesAndOne() {
        assertThatThrownBy(() -> C.getBoolean("flags.yes"))
                .isInstanceOf(ConfigTypeException.class)
                .hasMessageContaining("flags.yes: expected a boolean, found the string \"yes\"");
        assertThatThrownBy(() -> C.getBoolean("flags.one")).hasMessageContaining("found the number 1");
    }

    // ------------------------------------------------------------------ durations, sizes, enums

    @Test
    void getDurationReadsThroughTheDurationParser() {
        assertThat(C.getDuration("timeout")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void getDurationWrapsAParserFailureWithOriginAndPath() {
        assertThatThrownBy(() -> C.getDuration("bad-timeout"))
                .isInstanceOf(ConfigTypeException.class)
                .hasMessageContaining("app.json:7:33 bad-timeout: expected a duration, found the string \"soon\"");
    }

    @Test
    void getDurationRejectsABoolean() {
        assertThatThrownBy(() -> C.getDuration("flag")).hasMessageContaining("expected a duration, found the boolean false");
    }

    @Test
    void getSizeReadsThroughTheSizeParser() {
        assertThat(C.getSize("size")).isEqualTo(DataSize.ofBytes(1024));
    }

    @Test
    void getSizeWrapsAParserFailure() {
        assertThatThrownBy(() -> C.getSize("bad-size"))
                .isInstanceOf(ConfigTypeException.class)
                .hasMessageContaining("bad-size: expected a data size, found the string \"lots\"");
    }

    @Test
    void getEnumMatchesCaseInsensitivelyWithDashesAsUnderscores() {
        assertThat(C.getEnum("mode", Mode.class)).isEqualTo(Mode.FAST_START);
    }

    @Test
    void getEnumRejectsAnUnknownNameListingTheConstants() {
        assertThatThrownBy(() -> C.getEnum("bad-mode", Mode.class))
                .isInstanceOf(ConfigTypeException.class)
                .hasMessageContaining("bad-mode: expected one of FAST_START, SAFE")
                .hasMessageContaining("found the string \"turbo\"");
    }

    // ------------------------------------------------------------------ lists

    @Test
    void getListConvertsEveryElement() {
        assertThat(C.getList("names", String.class)).containsExactly("a", "b");
        assertThat(C.getList("ports", String.class)).containsExactly("80", "443", "x");
    }

    @Test
    void getListNamesTheIndexOfABadElement() {
        assertThatThrownBy(() -> C.getList("ports", Integer.class))
                .isInstanceOf(ConfigTypeException.class)
                .hasMessageContaining("ports[2]: expected an integer, found the string \"x\"");
    }

    @Test
    void getListRejectsANullElement() {
        assertThatThrownBy(() -> C.getList("holes", Integer.class)).hasMessageContaining("holes[1]: expected an integer, found null");
    }

    @Test
    void getListRejectsANonList() {
        assertThatThrownBy(() -> C.getList("server", String.class)).hasMessageContaining("server: expected a list, found an object");
    }

    @Test
    void getListIsUnmodifiable() {
        List<String> names = C.getList("names", String.class);
        assertThatThrownBy(() -> names.add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    // ------------------------------------------------------------------ optionals

    @Test
    void optionalGettersAreEmptyForAbsentPathsAndNulls() {
        assertThat(C.getOptionalInt("nope")).isEmpty();
        assertThat(C.getOptionalInt("holes[1]")).isEmpty();
        assertThat(C.getOptionalString("nope")).isEmpty();
        assertThat(C.getOptionalLong("nope")).isEmpty();
        assertThat(C.getOptionalDouble("nope")).isEmpty();
        assertThat(C.getOptionalBoolean("nope")).isEmpty();
        assertThat(C.getOptionalDuration("nope")).isEmpty();
        assertThat(C.getOptionalSize("nope")).isEmpty();
        assertThat(C.getOptionalEnum("nope", Mode.class)).isEmpty();
    }

    @Test
    void optionalGettersReturnPresentValues() {
        assertThat(C.getOptionalInt("server.port")).contains(8080);
        assertThat(C.getOptionalString("server.host")).contains("example.org");
        assertThat(C.getOptionalLong("server.big")).contains(3_000_000_000L);
        assertThat(C.getOptionalDouble("ratio")).contains(0.75);
        assertThat(C.getOptionalBoolean("flags.on")).contains(true);
        assertThat(C.getOptionalDuration("timeout")).contains(Duration.ofSeconds(30));
        assertThat(C.getOptionalSize("size")).contains(DataSize.ofBytes(1024));
        assertThat(C.getOptionalEnum("mode", Mode.class)).contains(Mode.FAST_START);
    }

    @Test
    void optionalGettersStillRejectTheWrongType() {
        assertThatThrownBy(() -> C.getOptionalInt("server.fraction")).isInstanceOf(ConfigTypeException.class);
    }

    // ------------------------------------------------------------------ structure

    @Test
    void hasPathIsFalseForAbsentAndNull() {
        assertThat(C.hasPath("server.port")).isTrue();
        assertThat(C.hasPath("server.nope")).isFalse();
        assertThat(C.hasPath("holes[1]")).isFalse();
    }

    @Test
    void nodeAndOriginFindTheWinningNode() {
        assertThat(C.node("server.port")).isPresent();
        assertThat(C.origin("server.port")).hasValueSatisfying(o -> assertThat(o.describe()).isEqualTo("app.json:2:22"));
        assertThat(C.origin("nope")).isEmpty();
    }

    @Test
    void getConfigGivesARelativeViewThatReportsFullPaths() {
        Configuration server = C.getConfig("server");
        assertThat(server.getInt("port")).isEqualTo(8080);
        assertThatThrownBy(() -> server.getInt("fraction")).hasMessageContaining("server.fraction:");
    }

    @Test
    void getConfigKeepsSecretsSecretByFullPath() {
        Configuration db = C.getConfig("db");
        assertThat(db.isSecret("password")).isTrue();
        assertThat(db.toString()).doesNotContain("hunter2");
    }

    @Test
    void getConfigRejectsAScalar() {
        assertThatThrownBy(() -> C.getConfig("ratio")).isInstanceOf(ConfigTypeException.class)
                .hasMessageContaining("ratio: expected an object, found the number 0.75");
    }

    @Test
    void isSecretFollowsThePolicyAndEncryptedValues() {
        assertThat(C.isSecret("db.password")).isTrue();
        assertThat(C.isSecret("sealed")).isTrue();
        assertThat(C.isSecret("server.port")).isFalse();
    }

    @Test
    void secretValuesAreStillReadableThroughGetters() {
        assertThat(C.getString("db.password")).isEqualTo("hunter2");
    }

    @Test
    void toStringMasksSecretsAndEncryptedValues() {
        assertThat(C.toString()).contains("\"password\":\"***\"").contains("\"sealed\":\"***\"")
                .doesNotContain("hunter2").doesNotContain("AES256").contains("\"port\":8080");
    }

    @Test
    void leafPathsListScalarsNullsAndEmptyContainersInDocumentOrder() {
        List<ConfigPath> leaves = C.leafPaths();
        assertThat(leaves.get(0)).hasToString("server.port");
        assertThat(leaves).contains(ConfigPath.parse("holes[1]"), ConfigPath.parse("empty"))
                .doesNotContain(ConfigPath.parse("server"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void unwrappedGivesLongsExactDoublesAndBigDecimalsNeverLosingDigits() {
        Map<String, Object> u = C.unwrapped();
        @SuppressWarnings("unchecked")
        Map<String, Object> nums = (Map<String, Object>) u.get("nums");
        assertThat(nums.get("l")).isEqualTo(9007199254740993L);
        assertThat(nums.get("d")).isEqualTo(1.5);
        assertThat(nums.get("exact")).isEqualTo(new BigDecimal("1000010002020389.8787987983"));
        assertThat(((Map<?, ?>) u.get("flags")).get("on")).isEqualTo(Boolean.TRUE);
        assertThat((List<Object>) u.get("holes")).containsExactly(1L, null);
    }

    @Test
    void unwrappedIsUnmodifiable() {
        assertThatThrownBy(() -> C.unwrapped().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void getIntAllocatesNothingOnTheSuccessPath() {
        // Not a timing test: the hot path must not allocate, which the JVM's per-thread counter shows exactly.
        ThreadAllocation allocation = ThreadAllocation.counter();
        long sum = 0;
        for (int i = 0; i < 1_000; i++) {
            sum += C.getInt("server.port");
        }
        long before = allocation.currentThreadBytes();
        for (int i = 0; i < 100_000; i++) {
            sum += C.getInt("server.port") + (C.getBoolean("flags.on") ? 1 : 0) + C.getLong("server.big");
        }
        long allocated = allocation.currentThreadBytes() - before;
        assertThat(sum).isPositive();
        // 300,000 lookups; a single boxed value or parsed path each would be megabytes.
        assertThat(allocated).isLessThan(10_000);
    }
}
