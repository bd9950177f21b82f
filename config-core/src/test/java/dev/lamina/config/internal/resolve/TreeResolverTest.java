package dev.lamina.config.internal.resolve;

import static dev.lamina.config.internal.resolve.Trees.at;
import static dev.lamina.config.internal.resolve.Trees.number;
import static dev.lamina.config.internal.resolve.Trees.resolver;
import static dev.lamina.config.internal.resolve.Trees.settings;
import static dev.lamina.config.internal.resolve.Trees.text;
import static dev.lamina.config.internal.resolve.Trees.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigResolveException;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.ValueResolver;

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
    class References {

        @Test
        void copiesAnotherKeysValue() {
            ConfigObject out = resolve(tree("db.host", "db1", "db.url", "jdbc://${ref:db.host}/app"));
            assertThat(text(out, "db.url")).isEqualTo("jdbc://db1/app");
        }

        @Test
        void resolvesTheReferencedKeyFirst() {
            ConfigObject out = resolve(tree("url", "${ref:db.host}:${ref:db.port}", "db.host", "${DB_HOST}",
                    "db.port", number("5432")));
            assertThat(text(out, "url")).isEqualTo("db.internal:5432");
            assertThat(text(out, "db.host")).isEqualTo("db.internal");
        }

        @Test
        void followsListIndices() {
            ConfigObject out = resolve(tree("brokers", List.of("k1:9092", "k2:9092"), "primary", "${ref:brokers[1]}"));
            assertThat(text(out, "primary")).isEqualTo("k2:9092");
        }

        @Test
        void usesTheDefaultWhenTheKeyIsAbsent() {
            assertThat(text(resolve(tree("a", "${ref:nowhere:-fallback}")), "a")).isEqualTo("fallback");
        }

        @Test
        void reportsAMissingKey() {
            assertThatThrownBy(() -> resolve(tree("a", "${ref:db.hots}")))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessage("config/base.yaml:2:3 a: reference ${ref:db.hots} points to no value "
                            + "(fix: add db.hots to the configuration or write ${ref:db.hots:-default})");
        }

        @Test
        void refusesToInterpolateAnObject() {
            assertThatThrownBy(() -> resolve(tree("db.host", "h", "a", "${ref:db}")))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessageContaining("a: reference ${ref:db} points to an object; only a string, number or "
                            + "boolean can be interpolated");
        }

        @Test
        void refusesAnInvalidPath() {
            assertThatThrownBy(() -> resolve(tree("a", "${ref:db..host}")))
                    .hasMessageContaining("${ref:...} at column 1 does not hold a valid config path");
        }

        @Test
        void reportsACycleListingItsPaths() {
            assertThatThrownBy(() -> resolve(tree("a", "${ref:b}", "b", "x${ref:c}", "c", "${ref:a}")))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessage("config/base.yaml:4:3 c: reference cycle: a -> b -> c -> a");
        }

        @Test
        void reportsAKeyThatReferencesItself() {
            assertThatThrownBy(() -> resolve(tree("a", "${ref:a}")))
                    .hasMessageContaining("a: reference cycle: a -> a");
        }

        @Test
        void resolvesASharedTargetOnceAndWithoutFalseCycles() {
            ConfigObject out = resolve(tree("a", "${ref:c}${ref:c}", "b", "${ref:c}", "c", "${PORT}"));
            assertThat(text(out, "a")).isEqualTo("54325432");
            assertThat(text(out, "b")).isEqualTo("5432");
        }

        @Test
        void reportsAnErrorInTheReferencedKeyAtThatKey() {
            assertThatThrownBy(() -> resolve(tree("a", "${ref:b}", "b", "${NOPE}")))
                    .hasMessageStartingWith("config/base.yaml:3:3 b: variable NOPE is not set");
        }

        @Test
        void boundsTheLengthOfAChain() {
            List<Object> kv = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                kv.add("k" + i);
                kv.add("${ref:k" + (i + 1) + "}");
            }
            kv.add("k70");
            kv.add("end");
            assertThatThrownBy(() -> resolve(tree(kv.toArray())))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessageContaining("references are chained deeper than 64");
        }

        @Test
        void boundsTheLengthOfAnExpandedValue() {
            List<Object> kv = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                kv.add("k" + i);
                kv.add("${ref:k" + (i + 1) + "}${ref:k" + (i + 1) + "}");
            }
            kv.add("k25");
            kv.add("0123456789abcdef");
            assertThatThrownBy(() -> resolve(tree(kv.toArray())))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessageContaining("longer than 1048576 characters");
        }
    }

    @Nested
    class Files_ {

        @TempDir
        Path dir;

        private ConfigObject resolveIn(ConfigObject tree) {
            return TreeResolver.resolve(tree, settings(ENV, dir, Map.of()));
        }

        @Test
        void readsAnAbsolutePathAndTrimsOneTrailingNewline() throws IOException {
            Path f = Files.writeString(dir.resolve("db-password"), "s3cret\n");
            assertThat(text(resolveIn(tree("db.pw", "${file:" + f + "}")), "db.pw")).isEqualTo("s3cret");
        }

        @Test
        void resolvesARelativePathAgainstTheBaseDirectory() throws IOException {
            Files.createDirectories(dir.resolve("secrets"));
            Files.writeString(dir.resolve("secrets/token"), "abc\r\n");
            assertThat(text(resolveIn(tree("t", "${file:secrets/token}")), "t")).isEqualTo("abc");
        }

        @Test
        void trimsOnlyOneNewline() throws IOException {
            Files.writeString(dir.resolve("f"), "line1\nline2\n\n");
            assertThat(text(resolveIn(tree("t", "${file:f}")), "t")).isEqualTo("line1\nline2\n");
        }

        @Test
        void usesTheDefaultWhenTheFileIsMissing() {
            assertThat(text(resolveIn(tree("t", "${file:absent:-none}")), "t")).isEqualTo("none");
        }

        @Test
        void reportsAMissingFileByName() {
            assertThatThrownBy(() -> resolveIn(tree("t", "${file:absent}")))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessageContaining("t: file " + dir.resolve("absent") + " does not exist");
        }

        @Test
        void reportsADirectory() {
            assertThatThrownBy(() -> resolveIn(tree("t", "${file:.}")))
                    .hasMessageContaining("is a directory");
        }

        @Test
        void reportsInvalidUtf8WithoutItsContent() throws IOException {
            Files.write(dir.resolve("bin"), new byte[] {'p', 'w', (byte) 0xC3, (byte) 0x28});
            assertThatThrownBy(() -> resolveIn(tree("t", "${file:bin}")))
                    .hasMessageEndingWith("t: file " + dir.resolve("bin") + " is not valid UTF-8");
        }

        @Test
        void refusesAFileOverTheLimit() throws IOException {
            Files.write(dir.resolve("big"), new byte[Resolution.MAX_VALUE_LENGTH + 1]);
            assertThatThrownBy(() -> resolveIn(tree("t", "${file:big}")))
                    .hasMessageContaining("is larger than 1048576 bytes");
        }

        @Test
        void decodesUtf8WhateverThePlatformCharset() throws IOException {
            Files.write(dir.resolve("f"), "caf\u00e9\n".getBytes(StandardCharsets.UTF_8));
            assertThat(text(resolveIn(tree("t", "${file:f}")), "t")).isEqualTo("caf\u00e9");
        }

        @Test
        void acceptsAKeyBuiltFromAVariable() throws IOException {
            Files.writeString(dir.resolve("5432"), "port-file");
            assertThat(text(resolveIn(tree("t", "${file:${PORT}}")), "t")).isEqualTo("port-file");
        }
    }

    @Nested
    class CustomResolvers {

        private ConfigObject resolveWith(ConfigObject tree, ValueResolver... resolvers) {
            Map<String, ValueResolver> byPrefix = new HashMap<>();
            for (ValueResolver r : resolvers) {
                byPrefix.put(r.prefix(), r);
            }
            return TreeResolver.resolve(tree, settings(ENV, Path.of("."), byPrefix));
        }

        @Test
        void readsALowerCaseNameFollowedByColonDashAsABashDefault() {
            assertThat(text(resolveWith(tree("a", "${db_host:-x:y}")), "a")).isEqualTo("x:y");
        }

        @Test
        void readsALowerCaseWordWithADashAndAColonAsAPrefix() {
            assertThatThrownBy(() -> resolveWith(tree("a", "${myvar-x:y}")))
                    .hasMessageContaining("unknown resolver prefix 'myvar-x'");
        }

        @Test
        void asksTheResolverRegisteredForThePrefix() {
            ConfigObject out = resolveWith(tree("pw", "${vault:db/password}"),
                    resolver("vault", Map.of("db/password", "from-vault")));
            assertThat(text(out, "pw")).isEqualTo("from-vault");
        }

        @Test
        void usesTheDefaultWhenTheResolverHasNoValue() {
            ConfigObject out = resolveWith(tree("a", "${vault:nope:-dflt}"), resolver("vault", Map.of()));
            assertThat(text(out, "a")).isEqualTo("dflt");
        }

        @Test
        void reportsAKeyTheResolverDoesNotKnow() {
            assertThatThrownBy(() -> resolveWith(tree("a", "${vault:nope}"), resolver("vault", Map.of())))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessageContaining("a: resolver 'vault' has no value for key nope");
        }

        @Test
        void reportsAnUnknownPrefixListingTheKnownOnes() {
            assertThatThrownBy(() -> resolveWith(tree("a", "${vualt:x:-y}"), resolver("vault", Map.of())))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessageContaining("a: unknown resolver prefix 'vualt' at column 1 (known: file, ref, vault;");
        }

        @Test
        void keepsTheReasonOfAResolverFailure() {
            ValueResolver failing = new ThrowingResolver(new ConfigResolveException(null, null, "vault sealed"));
            assertThatThrownBy(() -> resolveWith(tree("a", "${vault:k}"), failing))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessage("config/base.yaml:2:3 a: resolver 'vault' failed for key k: vault sealed");
        }

        @Test
        void namesOnlyTheTypeOfAnUnexpectedResolverException() {
            ValueResolver failing = new ThrowingResolver(new IllegalStateException("leaked hunter2"));
            assertThatThrownBy(() -> resolveWith(tree("a", "${vault:k}"), failing))
                    .hasMessageEndingWith("a: resolver 'vault' failed for key k (java.lang.IllegalStateException)")
                    .hasCauseInstanceOf(IllegalStateException.class);
        }

        @Test
        void dropsTheCauseOfAnUnexpectedExceptionAtASecretPath() {
            ValueResolver failing = new ThrowingResolver(new IllegalStateException("leaked hunter2"));
            assertThatThrownBy(() -> resolveWith(tree("db.password", "${vault:k}"), failing))
                    .hasNoCause()
                    .message().doesNotContain("hunter2");
        }

        @Test
        void reportsAResolverThatReturnsNull() {
            ValueResolver broken = new ValueResolver() {
                @Override
                public String prefix() {
                    return "vault";
                }

                @Override
                public Optional<String> resolve(String key) {
                    return null;
                }
            };
            assertThatThrownBy(() -> resolveWith(tree("a", "${vault:k}"), broken))
                    .hasMessageContaining("returned null");
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

    @Nested
    class Settings {

        @Test
        void refusesToReplaceABuiltInResolver() {
            assertThatThrownBy(() -> settings(ENV, Path.of("."), Map.of("ref", resolver("ref", Map.of()))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'ref' is built in");
        }

        @Test
        void refusesAnInvalidPrefix() {
            assertThatThrownBy(() -> settings(ENV, Path.of("."), Map.of("Vault", resolver("Vault", Map.of()))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be a lower-case letter");
        }

        @Test
        void refusesAResolverRegisteredUnderAnotherPrefix() {
            assertThatThrownBy(() -> settings(ENV, Path.of("."), Map.of("vault", resolver("consul", Map.of()))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("declares prefix 'consul'");
        }
    }

    private record ThrowingResolver(RuntimeException failure) implements ValueResolver {

        @Override
        public String prefix() {
            return "vault";
        }

        @Override
        public Optional<String> resolve(String key) {
            throw failure;
        }
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> TreeResolver.resolve(null, settings(ENV))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TreeResolver.resolve(ConfigObject.empty(Origin.UNKNOWN), null))
                .isInstanceOf(NullPointerException.class);
    }
}
