package dev.lamina.config;

import static dev.lamina.config.RenderFixtures.list;
import static dev.lamina.config.RenderFixtures.num;
import static dev.lamina.config.RenderFixtures.obj;
import static dev.lamina.config.RenderFixtures.plain;
import static dev.lamina.config.RenderFixtures.sample;
import static dev.lamina.config.RenderFixtures.str;
import static dev.lamina.config.RenderFixtures.withOrigins;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ConfigRendererFlatTest {

    private static String properties(ConfigObject root, ConfigRenderer.Options options) {
        return ConfigRenderer.render(root, SecretPolicy.DEFAULT, RenderFormat.PROPERTIES, options);
    }

    private static String env(ConfigObject root, ConfigRenderer.Options options) {
        return ConfigRenderer.render(root, SecretPolicy.DEFAULT, RenderFormat.ENV, options);
    }

    @Test
    void writesOnePropertyPerLeafWithPathKeys() {
        assertThat(properties(sample(), plain())).isEqualTo("""
                database.host=db.internal
                database.port=5432
                database.port_text=5432
                database.password=***
                database.ssl=true
                database.mode=0755
                database.answer=NO
                hosts[0]=a
                hosts[1]=b
                servers[0].name=x
                servers[0].port=1
                # empty: empty object, which this format cannot hold
                """);
    }

    @Test
    void propertiesReadBackExactlyThroughJavaUtilProperties() throws Exception {
        String tricky = " lead=x:y#z!\\ \t\nünï\u2028";
        ConfigObject root = obj(1, "a key", str(tricky, 1), "b=c", str("1", 2), "quoted.\"dot\"", str("v", 3));

        Properties back = new Properties();
        back.load(new StringReader(properties(root, plain())));

        assertThat(back.getProperty("a key")).isEqualTo(tricky);
        assertThat(back.getProperty("b=c")).isEqualTo("1");
        assertThat(back).hasSize(3);
    }

    @Test
    void propertiesOutputIsAsciiOnly() {
        String out = properties(obj(1, "name", str("Beyoncé", 1)), plain());

        assertThat(out).isEqualTo("name=Beyonc\\u00E9\n");
    }

    @Test
    void propertiesWithOriginsPutAnOriginCommentBeforeEachEntry() {
        String out = properties(obj(1, "db", obj(1, "port", num("5432", 12))), withOrigins());

        assertThat(out).isEqualTo("# base.yaml:12:3\ndb.port=5432\n");
    }

    @Test
    void masksSecretsInProperties() {
        assertThat(properties(sample(), plain())).doesNotContain("s3cr3t").contains("database.password=***");
    }

    @Test
    void envNamesAreTheInverseOfTheEnvironmentMapping() {
        ConfigObject root = obj(1,
                "server", obj(1, "port", num("8080", 2)),
                "pool", obj(3, "max_size", num("10", 3), "read-only", str("x", 4)),
                "hosts", list(5, str("a", 5)));

        assertThat(env(root, plain())).isEqualTo("""
                LAMINA_SERVER_PORT=8080
                LAMINA_POOL_MAX__SIZE=10
                LAMINA_POOL_READ___ONLY=x
                LAMINA_HOSTS_0=a
                """);
    }

    @Test
    void envOutputReadsBackThroughTheEnvironmentSourceAsTheSameTree() {
        ConfigObject root = obj(1,
                "server", obj(1, "port", num("8080", 2), "read-timeout", str("30s", 3)),
                "db_pool", obj(4, "max_size", num("10", 4), "hosts", list(5, str("a:1", 5), str("two words", 6))));
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : env(root, plain()).split("\n")) {
            int eq = line.indexOf('=');
            String value = line.substring(eq + 1);
            variables.put(line.substring(0, eq), value.startsWith("'") ? value.substring(1, value.length() - 1) : value);
        }

        ConfigObject back = ConfigSources.environmentVariables("LAMINA_", variables).read(ParseLimits.DEFAULTS).get(0).root();

        assertThat(back.get("server").map(n -> ((ConfigObject) n).entries().keySet()).orElseThrow())
                .containsExactlyInAnyOrder("port", "read-timeout");
        ConfigObject pool = (ConfigObject) back.get("db_pool").orElseThrow();
        assertThat(pool.get("max_size").map(n -> ((ConfigScalar) n).text())).contains("10");
        assertThat(((ConfigList) pool.get("hosts").orElseThrow()).items()).extracting(n -> ((ConfigScalar) n).text())
                .containsExactly("a:1", "two words");
    }

    @Test
    void envUsesTheGivenPrefix() {
        String out = env(obj(1, "port", num("1", 1)), plain().withEnvPrefix("APP_"));

        assertThat(out).isEqualTo("APP_PORT=1\n");
    }

    @Test
    void envQuotesValuesForTheShell() {
        ConfigObject root = obj(1, "a", str("two words", 1), "b", str("it's", 2), "c", str("", 3),
                "d", str("$HOME `x`", 4), "e", str("localhost:9092,h2:9092", 5));

        assertThat(env(root, plain())).isEqualTo("""
                LAMINA_A='two words'
                LAMINA_B='it'\\''s'
                LAMINA_C=''
                LAMINA_D='$HOME `x`'
                LAMINA_E=localhost:9092,h2:9092
                """);
    }

    @Test
    void envMasksSecretsQuotedSoTheShellDoesNotGlob() {
        assertThat(env(sample(), plain())).contains("LAMINA_DATABASE_PASSWORD='***'").doesNotContain("s3cr3t");
    }

    @Test
    void envSkipsKeysThatNoVariableNameCanExpressWithAComment() {
        ConfigObject root = obj(1, "tenants", obj(1, "eu.west", str("x", 2), "_private", str("y", 3),
                "maxConnections", str("5", 4), "a__b", str("z", 5)));

        assertThat(env(root, plain())).isEqualTo("""
                # tenants."eu.west": skipped, this key cannot be written as an environment variable name
                # tenants._private: skipped, this key cannot be written as an environment variable name
                # tenants.maxConnections: skipped, this key cannot be written as an environment variable name
                # tenants.a__b: skipped, this key cannot be written as an environment variable name
                """);
    }

    @Test
    void envWithOriginsPutsAnOriginCommentBeforeEachEntry() {
        assertThat(env(obj(1, "port", num("1", 7)), withOrigins())).isEqualTo("# base.yaml:7:3\nLAMINA_PORT=1\n");
    }

    @Test
    void rejectsAnEnvPrefixThatIsNotAVariableName() {
        assertThatThrownBy(() -> plain().withEnvPrefix("lamina-"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("env prefix");
    }
}
