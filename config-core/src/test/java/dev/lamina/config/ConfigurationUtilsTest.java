package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link ConfigurationUtils}: env names, .env text that reads back identically, prefix filter, merge. */
class ConfigurationUtilsTest {

    /** Characters the quoting must survive: quotes, '$', '#', backslashes, blanks, newlines, controls, unicode. */
    private static final String ALPHABET = "aZ09_-.=:# \t\n\r'\"$\\{}`!*?&;|<>()[]~^\u0000\u0001\u001f\u007f"
            + "éü€中\u2028\uFEFF";

    @Test
    void envFileTextReadsBackIdenticallyForRandomValues() {
        Random random = new Random(20261203L);
        for (int round = 0; round < 200; round++) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < 10; i++) {
                values.put("K" + i, randomValue(random));
            }
            values.put("EMPTY", "");
            values.put("EMOJI", "\uD83C\uDFB5 music");
            String text = ConfigurationUtils.toEnvFile(values);
            Configuration back = load(text);
            values.forEach((k, v) -> assertThat(back.getString(k.toLowerCase()))
                    .as("%s=%s written as %s", k, escape(v), escape(text)).isEqualTo(v));
        }
    }

    @Test
    void plainValuesStayUnquotedAndOthersAreDoubleQuoted() {
        assertThat(ConfigurationUtils.quoteEnvValue("localhost:9092,h2:9092")).isEqualTo("localhost:9092,h2:9092");
        assertThat(ConfigurationUtils.quoteEnvValue("")).isEqualTo("\"\"");
        assertThat(ConfigurationUtils.quoteEnvValue("pa$word #1")).isEqualTo("\"pa\\$word #1\"");
        assertThat(ConfigurationUtils.quoteEnvValue("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
        assertThat(ConfigurationUtils.quoteEnvValue("\u0001")).isEqualTo("\"\\0001\"");
    }

    @Test
    void transformToEnvFormatInvertsTheEnvironmentVariableMapping() {
        Configuration c = new ConfigLoader().load(List.of(ConfigSources.string("c.yaml", Format.YAML, """
                database:
                  pool_size: 10
                  host: db
                cache:
                  time-to-live: 30s
                hosts: [a, b]
                empty: {}
                """)));
        Map<String, String> env = ConfigurationUtils.transformToEnvFormat(c, "APP_");
        assertThat(env).containsExactly(Map.entry("APP_DATABASE_POOL__SIZE", "10"), Map.entry("APP_DATABASE_HOST", "db"),
                Map.entry("APP_CACHE_TIME___TO___LIVE", "30s"), Map.entry("APP_HOSTS_0", "a"),
                Map.entry("APP_HOSTS_1", "b"));
        Configuration back = new ConfigLoader().load(List.of(ConfigSources.environmentVariables("APP_", env)));
        assertThat(back.getInt("database.pool_size")).isEqualTo(10);
        assertThat(back.getString("cache.time-to-live")).isEqualTo("30s");
        assertThat(back.getString("hosts[1]")).isEqualTo("b");
        assertThat(ConfigurationUtils.filterByPrefix(env, "APP_DATABASE_")).containsOnlyKeys("APP_DATABASE_POOL__SIZE",
                "APP_DATABASE_HOST");
    }

    @Test
    void aKeyNoVariableCanNameIsAnErrorListingThePaths() {
        Configuration c = new ConfigLoader().load(List.of(ConfigSources.string("c.yaml", Format.YAML,
                "server:\n  maxConnections: 5\n  port: 1\n")));
        assertThatThrownBy(() -> ConfigurationUtils.transformToEnvFormat(c, ""))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("c.yaml:2:19 server.maxConnections: ")
                .hasMessageContaining("1 key(s) cannot be written");
        assertThatThrownBy(() -> ConfigurationUtils.transformToEnvFormat(c, "bad-"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigurationUtils.toEnvFile(Map.of("1X", "v")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mergeConfigsLetsTheOverlayWinAndReplacesLists() {
        ConfigObject a = ConfigDocuments.parse("a.yaml", Format.YAML, "db: {host: a, port: 1}\nl: [1, 2]\n",
                ParseLimits.DEFAULTS);
        ConfigObject b = ConfigDocuments.parse("b.yaml", Format.YAML, "db: {host: b}\nl: [3]\n", ParseLimits.DEFAULTS);
        ConfigObject m = ConfigurationUtils.mergeConfigs(a, b);
        ConfigObject db = (ConfigObject) m.get("db").orElseThrow();
        assertThat(((ConfigScalar) db.get("host").orElseThrow()).text()).isEqualTo("b");
        assertThat(((ConfigScalar) db.get("port").orElseThrow()).text()).isEqualTo("1");
        assertThat(((ConfigList) m.get("l").orElseThrow()).items()).extracting(n -> ((ConfigScalar) n).text())
                .containsExactly("3");
    }

    private static String randomValue(Random random) {
        int length = random.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static Configuration load(String text) {
        return new ConfigLoader(ConfigurationOptions.builder().environment(Map.of()).build())
                .load(List.of(ConfigSources.string("round.env", Format.ENV, text)));
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> sb.append(cp < 0x20 || cp == 0x7f ? String.format("\\x%02x", cp)
                : new String(Character.toChars(cp))));
        return sb.toString();
    }
}
