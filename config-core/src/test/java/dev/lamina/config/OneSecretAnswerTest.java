package dev.lamina.config;

import static dev.lamina.config.ManagerFixture.options;
import static dev.lamina.config.ManagerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: every output asks the snapshot's one answer. A value a resolver marked secret under an ordinary key
 * ({@code db.url}, as a decrypted value is), a declared path and a secret-looking name must be masked alike in
 * events, history's diff, the audit log, render, explain, toString and conversion errors.
 */
class OneSecretAnswerTest {

    private static final String RESOLVED = "postgres://app:Vx7-resolved@db";
    private static final String DECLARED = "acct-Qw3-declared";
    private static final String NAMED = "Pz5-named";

    @TempDir
    Path dir;

    @Test
    void everyOutputMasksWhatIsSecretForTheSnapshot() throws Exception {
        write(dir, "base.yaml", """
                db: {url: '${vault:db-url}', host: db.internal, password: %s}
                billing: {account: %s}
                server: {port: 8080}
                """.formatted(NAMED, DECLARED));
        write(dir, "staging.yaml", "");
        Path audit = dir.resolve("audit.jsonl");
        ValueResolver vault = (key, context) -> Optional.of(ResolvedValue.secret(RESOLVED + key));
        List<String> outputs = new ArrayList<>();
        ManagerFixture.Recorder events = new ManagerFixture.Recorder();
        try (ConfigurationManager manager = new ConfigurationManager(options(dir).addResolver("vault", vault)
                .addSecretPaths("billing.account").auditLog(audit).build())) {
            Configuration first = manager.loadEnvironmentConfig("staging");
            manager.addChangeListener(events);
            assertThat(first.isSecret("db.url")).isTrue();
            assertThat(first.isSecret("billing.account")).isTrue();
            assertThat(first.isSecret("db.password")).isTrue();
            assertThat(first.isSecret("db.host")).isFalse();

            // A file edit changes all three; a runtime update replaces the resolved one by a literal.
            write(dir, "base.yaml", """
                    db: {url: '${vault:other}', host: db.internal, password: x%s}
                    billing: {account: x%s}
                    server: {port: 8081}
                    """.formatted(NAMED, DECLARED));
            manager.reload();
            manager.updateConfig("db.url", "plain-now");
            Configuration now = manager.configuration();

            await().atMost(Duration.ofSeconds(10)).until(() -> events.changes.size() >= 5);
            events.changes.forEach(e -> outputs.add(e.toString() + e.oldValue() + e.newValue()));
            assertThat(events.changesOf("server.port")).singleElement()
                    .satisfies(e -> assertThat(e.newValue()).contains("8081"));
            assertThat(events.changesOf("db.url")).hasSize(2)
                    .allSatisfy(e -> assertThat(e.newValue()).contains(SecretPolicy.MASK));
            outputs.add(manager.history().toString());
            outputs.add(ConfigDiff.between(first, now).toString());
            outputs.add(ConfigRenderer.render(first, RenderFormat.JSON, ConfigRenderer.Options.defaults()));
            outputs.add(first.explain("db.url").toString() + first.explain("billing.account"));
            outputs.add(first.toString() + first.root());
            try {
                first.getInt("db.url");
            } catch (ConfigTypeException e) {
                outputs.add(e.getMessage());
            }
            outputs.add(Files.readString(audit));
        }
        String all = String.join("\n", outputs);
        assertThat(all).doesNotContain("Vx7-resolved").doesNotContain("Qw3-declared").doesNotContain("Pz5-named")
                .contains("8081");
    }
}
