package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docs/secrets.md's example runs here, and the doc's block is the code between the markers below. */
class SecretsDocExampleTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theExampleDoesWhatTheDocSays() {
        Layer layer = new Layer("app.yaml", ConfigDocuments.parse("app.yaml", Format.YAML, """
                card: {pin: '1234'}
                proxy: {auth: none}
                payments: {provider: {merchant: m-42}}
                services: {billing: {endpoint: 'https://user:pw@billing'}}
                db: {password: hunter2}
                server: {port: 8080}
                """, ParseLimits.DEFAULTS));
        // secrets:example:start
        SecretPolicy policy = SecretPolicy.DEFAULT
                .withNames("^pin$|license")             // more names: card.pin, licenseInfo.* are secret
                .withoutNames("^auth$")                  // fewer names: proxy.auth (a mode here) stays visible
                .withPaths("payments.provider");         // declared: this path and everything below it
        Configuration config = new ConfigLoader(ConfigurationOptions.builder()
                .secretPolicy(policy)
                .addSecretPaths("services.*.endpoint")   // declared too; * is one segment
                .build())
                .fromLayers(List.of(layer));

        config.isSecret("card.pin");                     // true: added name
        config.isSecret("payments.provider.merchant");   // true: below a declared path
        config.isSecret("services.billing.endpoint");    // true: declared with a wildcard
        config.isSecret("db.password");                  // true: the built-in rule still applies
        config.isSecret("server.port");                  // false
        // secrets:example:end
        assertThat(config.isSecret("card.pin")).isTrue();
        assertThat(config.isSecret("payments.provider.merchant")).isTrue();
        assertThat(config.isSecret("services.billing.endpoint")).isTrue();
        assertThat(config.isSecret("db.password")).isTrue();
        assertThat(config.isSecret("server.port")).isFalse();
        assertThat(config.isSecret("proxy.auth")).isFalse();
        assertThat(SecretPolicy.DEFAULT.isSecret(ConfigPath.parse("proxy.auth"))).isTrue();
        assertThat(config.toString()).doesNotContain("1234").doesNotContain("m-42").doesNotContain("user:pw")
                .doesNotContain("hunter2").contains("8080");
    }

    @Test
    void theDocShowsExactlyTheCodeThatRuns() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/secrets.md"));
        Matcher m = Pattern.compile("<!-- secrets:example -->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("docs/secrets.md has a ```java block after <!-- secrets:example -->").isTrue();
        String source = Files.readString(ROOT.resolve(
                "config-core/src/test/java/dev/lamina/config/SecretsDocExampleTest.java"));
        int start = source.indexOf('\n', source.indexOf("// secrets:example:start")) + 1;
        int end = source.lastIndexOf('\n', source.indexOf("// secrets:example:end")) + 1;
        StringBuilder sb = new StringBuilder();
        for (String line : source.substring(start, end).split("\n", -1)) {
            sb.append(line.startsWith("        ") ? line.substring(8) : line.strip()).append('\n');
        }
        assertThat(m.group(1)).isEqualTo(sb.substring(0, sb.length() - 1));
    }
}
