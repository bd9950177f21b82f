package dev.lamina.config.internal.resolve;

import static dev.lamina.config.internal.resolve.Trees.at;
import static dev.lamina.config.internal.resolve.Trees.number;
import static dev.lamina.config.internal.resolve.Trees.settings;
import static dev.lamina.config.internal.resolve.Trees.text;
import static dev.lamina.config.internal.resolve.Trees.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigResolveException;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;
import dev.lamina.config.SecretPolicy;

class TreeResolverTest {

    private static final Map<String, String> ENV = Map.of("DB_HOST", "db.internal", "PORT", "5432", "EMPTY", "",
            "PW", "hunter2", "user.home", "/home/app");

    private static ConfigObject resolve(ConfigObject tree) {
        return TreeResolver.resolve(tree, settings(ENV));
    }

    @Nested
    class Variables {

        @Test
        void replacesAVariableInsideAString() {
            assertThat(text(resolve(tree("db.url", "jdbc:postgresql://${DB_HOST}:${PORT}/app")), "db.url"))
                    .isEqualTo("jdbc:postgresql://db.internal:5432/app");
        }

        @Test
        void looksUpDottedNamesSuchAsSystemProperties() {
            assertThat(text(resolve(tree("dir", "${user.home}/data")), "dir")).isEqualTo("/home/app/data");
        }

        @Test
        void keepsTheOriginAndMakesAWholeValueExpressionAString() {
            ConfigObject input = tree("db.port", "${PORT}");
            ConfigScalar before = (ConfigScalar) at(input, "db.port");
            ConfigScalar after = (ConfigScalar) at(resolve(input), "db.port");
            assertThat(after.text()).isEqualTo("5432");
            assertThat(after.type()).isEqualTo(ScalarType.STRING);
            assertThat(after.origin()).isEqualTo(before.origin());
        }

        @Test
        void returnsTheSameTreeWhenNothingNeedsResolving() {
            ConfigObject input = tree("a", "plain", "b.c", List.of("x", "y"), "n", number("1"));
            assertThat(resolve(input)).isSameAs(input);
        }

        @Test
        void sharesUntouchedSubtrees() {
            ConfigObject input = tree("a.b", "plain", "c", "${PORT}");
            assertThat(at(resolve(input), "a")).isSameAs(at(input, "a"));
        }

        @Test
        void neverInterpolatesKeys() {
            ConfigObject input = new ConfigObject(Map.of("${PORT}", ConfigScalar.string("x", Trees.ROOT)), Trees.ROOT);
            assertThat(resolve(input).entries()).containsOnlyKeys("${PORT}");
        }

        @Test
        void leavesNullsInListsAlone() {
            ConfigObject input = tree("l", List.of("${PORT}"));
            ConfigObject withNull = new ConfigObject(Map.of("l", new dev.lamina.config.ConfigList(
                    List.of(new ConfigNull(Trees.ROOT), at(input, "l[0]")), Trees.ROOT)), Trees.ROOT);
            ConfigObject out = resolve(withNull);
            assertThat(at(out, "l[0]")).isInstanceOf(ConfigNull.class);
            assertThat(text(out, "l[1]")).isEqualTo("5432");
        }

        @Test
        void doesNotRescanAValueFromTheEnvironment() {
            ConfigObject out = TreeResolver.resolve(tree("a", "${X}"), settings(Map.of("X", "${PW}")));
            assertThat(text(out, "a")).isEqualTo("${PW}");
        }

        @Test
        void treatsANullAnswerFromTheEnvironmentAsUnset() {
            ResolveSettings s = new ResolveSettings(name -> null, Map.of(), Path.of("."), SecretPolicy.DEFAULT);
            assertThat(text(TreeResolver.resolve(tree("a", "${X:-fallback}"), s), "a")).isEqualTo("fallback");
        }

        @Test
        void doesNotEvaluateAnUnusedDefault() {
            assertThat(text(resolve(tree("a", "${DB_HOST:-${NOT_SET}}")), "a")).isEqualTo("db.internal");
        }

        @Test
        void turnsDoubleDollarIntoOneDollar() {
            assertThat(text(resolve(tree("a", "cost: $$5 and $${PORT}")), "a")).isEqualTo("cost: $5 and ${PORT}");
        }

        @Test
        void reportsAnUnsetVariableWithOriginPathAndFix() {
            assertThatThrownBy(() -> TreeResolver.resolve(tree("database.host", "${DB_HOST}"), settings(Map.of())))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessage("config/base.yaml:3:3 database.host: variable DB_HOST is not set "
                            + "(fix: export DB_HOST or write ${DB_HOST:-default})");
        }

        @Test
        void reportsAnUnsetBareVariableSuggestingTheDollarEscape() {
            assertThatThrownBy(() -> resolve(tree("hash", "$2a$10$abcdef")))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessageContaining("hash: variable abcdef is not set")
                    .hasMessageContaining("write $$ for a literal $ at column 7");
        }

        @Test
        void reportsTheErrorAtTheListItemThatHoldsTheExpression() {
            assertThatThrownBy(() -> resolve(tree("servers", List.of("ok", "${NOPE}"))))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessageStartingWith("config/base.yaml:4:3 servers[1]: variable NOPE is not set");
        }

        @Test
        void givesTheUsersMessageForARequiredVariable() {
            assertThatThrownBy(() -> resolve(tree("a", "${TOKEN_URL:?set TOKEN_URL to the issuer}")))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessage("config/base.yaml:2:3 a: required variable TOKEN_URL is missing a value: "
                            + "set TOKEN_URL to the issuer");
        }

        @Test
        void treatsAnEmptyVariableAsMissingForColonQuestion() {
            assertThatThrownBy(() -> resolve(tree("a", "${EMPTY:?must not be empty}")))
                    .hasMessageContaining("required variable EMPTY is missing a value: must not be empty");
        }

        @Test
        void reportsTheColumnOfAnUnclosedExpression() {
            assertThatThrownBy(() -> resolve(tree("a", "abc ${PORT")))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessage("config/base.yaml:2:3 a: invalid template at column 5: '${' is not closed by '}'");
        }

        @Test
        void reportsTheColumnOfANestedBadExpression() {
            assertThatThrownBy(() -> resolve(tree("a", "x${A:-y${}}")))
                    .hasMessageContaining("invalid template at column 8: '${}' names no variable");
        }

        @Test
        void rejectsAssignmentOperatorsWithAHint() {
            assertThatThrownBy(() -> resolve(tree("a", "${A:=x}")))
                    .hasMessageContaining("':=' is not supported (use ':-' for a default)");
        }

        @Test
        void rejectsExpressionsNestedTooDeeply() {
            String deep = "${A:-".repeat(40) + "x" + "}".repeat(40);
            assertThatThrownBy(() -> resolve(tree("a", deep)))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessageContaining("nested deeper than 32");
        }

        @Test
        void acceptsNestingUpToTheLimit() {
            String deep = "${A:-".repeat(32) + "x" + "}".repeat(32);
            assertThat(text(resolve(tree("a", deep)), "a")).isEqualTo("x");
        }
    }

    @Nested
    class Secrets {

        @Test
        void neverQuotesResolvedValuesInAnError() {
            assertThatThrownBy(() -> resolve(tree("db.password", "${PW}${MISSING}")))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessageContaining("db.password: variable MISSING is not set")
                    .message().doesNotContain("hunter2");
        }

        @Test
        void hidesAnInterpolatedRequiredMessageAtASecretPath() {
            assertThatThrownBy(() -> resolve(tree("api.token", "${TOKEN:?not ${PW}}")))
                    .hasMessageContaining("api.token: required variable TOKEN is missing a value (message not shown")
                    .message().doesNotContain("hunter2");
        }

        @Test
        void hidesTheNameOfABareVariableAtASecretPathBecauseItIsPartOfTheSecret() {
            assertThatThrownBy(() -> resolve(tree("db.password", "pa$word")))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessage("config/base.yaml:3:3 db.password: the '$' at column 3 starts a variable that is not "
                            + "set (name not shown: the path is secret; fix: write $$ for a literal $, or export the "
                            + "variable)");
        }

        @Test
        void keepsALiteralRequiredMessageAtASecretPath() {
            assertThatThrownBy(() -> resolve(tree("api.token", "${TOKEN:?export TOKEN}")))
                    .hasMessageEndingWith("required variable TOKEN is missing a value: export TOKEN");
        }

        @Test
        void neverQuotesTheTemplateOfAnInvalidSecret() {
            assertThatThrownBy(() -> resolve(tree("db.password", "hunter2${")))
                    .hasMessage("config/base.yaml:3:3 db.password: invalid template at column 8: "
                            + "'${' is not closed by '}'");
        }
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> TreeResolver.resolve(null, settings(ENV))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TreeResolver.resolve(ConfigObject.empty(Origin.UNKNOWN), null))
                .isInstanceOf(NullPointerException.class);
    }
}
