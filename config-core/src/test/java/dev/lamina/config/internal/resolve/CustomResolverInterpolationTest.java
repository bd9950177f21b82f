package dev.lamina.config.internal.resolve;

import static dev.lamina.config.internal.resolve.Trees.resolver;
import static dev.lamina.config.internal.resolve.Trees.settings;
import static dev.lamina.config.internal.resolve.Trees.text;
import static dev.lamina.config.internal.resolve.Trees.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigResolveException;
import dev.lamina.config.ValueResolver;

/** User {@link ValueResolver}s by prefix, their failures and the settings checks. */
class CustomResolverInterpolationTest {

    private static final Map<String, String> ENV = Map.of("DB_HOST", "db.internal", "PORT", "5432", "EMPTY", "",
            "PW", "hunter2", "user.home", "/home/app");

    private ConfigObject resolveWith(ConfigObject tree, Trees.Prefixed... resolvers) {
        Map<String, ValueResolver> byPrefix = new HashMap<>();
        for (Trees.Prefixed r : resolvers) {
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
        Trees.Prefixed failing = new ThrowingResolver(new ConfigResolveException(null, null, "vault sealed"));
        assertThatThrownBy(() -> resolveWith(tree("a", "${vault:k}"), failing))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessage("config/base.yaml:2:3 a: resolver 'vault' failed for key k: vault sealed");
    }

    @Test
    void namesOnlyTheTypeOfAnUnexpectedResolverException() {
        Trees.Prefixed failing = new ThrowingResolver(new IllegalStateException("leaked hunter2"));
        assertThatThrownBy(() -> resolveWith(tree("a", "${vault:k}"), failing))
                .hasMessageEndingWith("a: resolver 'vault' failed for key k (java.lang.IllegalStateException)")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void dropsTheCauseOfAnUnexpectedExceptionAtASecretPath() {
        Trees.Prefixed failing = new ThrowingResolver(new IllegalStateException("leaked hunter2"));
        assertThatThrownBy(() -> resolveWith(tree("db.password", "${vault:k}"), failing))
                .hasNoCause()
                .message().doesNotContain("hunter2");
    }

    @Test
    void reportsAResolverThatReturnsNull() {
        Trees.Prefixed broken = new Trees.Prefixed() {
            @Override
            public String prefix() {
                return "vault";
            }

            @Override
            public Optional<dev.lamina.config.ResolvedValue> resolve(String key, dev.lamina.config.ValueContext context) {
                return null;
            }
        };
        assertThatThrownBy(() -> resolveWith(tree("a", "${vault:k}"), broken))
                .hasMessageContaining("returned null");
    }

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

    private record ThrowingResolver(RuntimeException failure) implements Trees.Prefixed {

        @Override
        public String prefix() {
            return "vault";
        }

        @Override
        public Optional<dev.lamina.config.ResolvedValue> resolve(String key, dev.lamina.config.ValueContext context) {
            throw failure;
        }
    }
}
