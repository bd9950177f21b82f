package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class AuditVerificationTest {

    @Test
    void validResultDescribesTheRecordCount() {
        assertThat(AuditVerification.ok(12, "ab").describe()).isEqualTo("valid, 12 records");
    }

    @Test
    void brokenResultDescribesLineAndProblem() {
        assertThat(AuditVerification.broken(4, 5, "chain broken", null).describe())
                .isEqualTo("broken at line 5: chain broken");
    }

    @Test
    void validResultWithAProblemIsRejected() {
        assertThatThrownBy(() -> new AuditVerification(true, 1, OptionalLong.of(2), Optional.of("x"),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void brokenResultWithoutALineIsRejected() {
        assertThatThrownBy(() -> new AuditVerification(false, 1, OptionalLong.empty(), Optional.of("x"),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
