package dev.lamina.config;

import static dev.lamina.config.ManagerFixture.options;
import static dev.lamina.config.ManagerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationManagerAuditTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() {
        write(dir, "base.yaml", "a: 1\ndb:\n  password: hunter2\n");
        write(dir, "staging.yaml", "");
    }

    @Test
    void recordsAppliedAndRejectedChangesWithSecretsMasked() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        AuthorizationPolicy policy = AuthorizationPolicy.roles(Map.of("ops", List.of("**")));
        try (ConfigurationManager m = new ConfigurationManager(options(dir).auditLog(audit)
                .authorizationPolicy(policy).build())) {
            m.loadEnvironmentConfig("staging");
            m.updateConfig(UpdateRequest.builder().set("db.password", "correct-horse")
                    .principal(Principal.of("alice", "ops")).reason("rotate").build());
            assertThatThrownBy(() -> m.updateConfig("a", 2)).isInstanceOf(ConfigAccessDeniedException.class);
        }
        List<String> lines = Files.readAllLines(audit);
        assertThat(lines).hasSize(3); // load, applied update, rejected update
        assertThat(lines.get(0)).contains("\"principal\":null").contains("\"action\":\"load\"");
        assertThat(lines.get(1)).contains("alice").contains("applied").contains("db.password").contains("***");
        assertThat(lines.get(2)).contains("anonymous").contains("rejected");
        assertThat(String.join("\n", lines)).doesNotContain("hunter2").doesNotContain("correct-horse");
        assertThat(AuditLog.verify(audit).valid()).isTrue();
    }

    @Test
    void anUnwritableAuditSinkMeansNothingIsPublished() throws Exception {
        Path audit = Files.createDirectory(dir.resolve("audit-is-a-directory"));
        ConfigurationManager m;
        try {
            m = new ConfigurationManager(options(dir).auditLog(audit).build());
        } catch (ConfigAuditException e) {
            assertThat(e).hasMessageContaining("audit-is-a-directory");
            return; // refusing the sink up front also changes nothing
        }
        try (m) {
            assertThatThrownBy(() -> m.loadEnvironmentConfig("staging")).isInstanceOf(ConfigAuditException.class);
            assertThat(m.getActiveEnvironment()).isEmpty();
        }
    }

    @Test
    void anAuditSinkThatFailsLaterRefusesTheUpdateAndRestoresThePersistFile() throws Exception {
        Path persist = dir.resolve("runtime.yaml");
        Path auditDir = Files.createDirectory(dir.resolve("audit"));
        Path audit = auditDir.resolve("audit.jsonl");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).persistFile(persist).auditLog(audit).build())) {
            m.loadEnvironmentConfig("staging");
            m.updateConfig("a", 5);
            String persisted = Files.readString(persist);
            // replace the audit file by a directory: appending to it fails from now on
            Files.delete(audit);
            Files.createDirectory(audit);
            assertThatThrownBy(() -> m.updateConfig("a", 6)).isInstanceOf(ConfigAuditException.class);
            assertThat(m.current().version()).isEqualTo(2);
            assertThat(m.configuration().getInt("a")).isEqualTo(5);
            assertThat(Files.readString(persist)).isEqualTo(persisted);
        }
    }
}
