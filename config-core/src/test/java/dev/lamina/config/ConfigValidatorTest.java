package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Composing validators. */
class ConfigValidatorTest {

    private static ValidationProblem problem(String message, boolean blocking) {
        return new ValidationProblem(ConfigPath.parse("a"), Optional.empty(), message, Optional.empty(), blocking);
    }

    @Test
    void allOfReportsEveryValidatorsFindingsInOrder() {
        ConfigValidator first = (c, env) -> List.of(problem("first", false));
        ConfigValidator second = (c, env) -> List.of(problem("second", true));
        Configuration cfg = new ConfigLoader().load();
        assertThat(ConfigValidator.allOf(first, ConfigValidator.none(), second).validate(cfg, "staging"))
                .extracting(ValidationProblem::message).containsExactly("first", "second");
    }

    @Test
    void allOfRefusesANullValidator() {
        assertThatThrownBy(() -> ConfigValidator.allOf(ConfigValidator.none(), null))
                .isInstanceOf(NullPointerException.class);
    }
}
