package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AuditRecordTest {

    @Test
    void rejectedRecordNeedsAReason() {
        assertThatThrownBy(() -> new AuditRecord(Optional.empty(), "update", List.of(), 1,
                AuditRecord.Result.REJECTED, Optional.of(" ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a reason");
    }

    @Test
    void actionMustBeALowerCaseWord() {
        assertThatThrownBy(() -> AuditRecord.applied("Update now", null, List.of(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case word");
    }

    @Test
    void versionMustNotBeNegative() {
        assertThatThrownBy(() -> AuditRecord.applied("update", null, List.of(), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void pathsFollowTheChanges() {
        AuditRecord r = AuditRecord.applied("update", null, List.of(
                AuditRecord.Change.of(ConfigPath.parse("a.b"), null, null),
                AuditRecord.Change.of(ConfigPath.parse("c"), null, null)), 1);

        assertThat(r.paths()).containsExactly(ConfigPath.parse("a.b"), ConfigPath.parse("c"));
    }

    @Test
    void resultIsWrittenInLowerCase() {
        assertThat(AuditRecord.Result.APPLIED.jsonName()).isEqualTo("applied");
        assertThat(AuditRecord.Result.REJECTED.jsonName()).isEqualTo("rejected");
    }
}
