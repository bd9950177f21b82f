/**
 * Lamina validation: {@code ValidationEngine}, {@code ValidationRule}, JSON Schema validation, strict mode and the
 * built-in rule packs.
 */
module dev.lamina.config.validation {
    requires transitive dev.lamina.config;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.networknt.schema;
    requires org.slf4j;

    exports dev.lamina.config.validation;
    exports dev.lamina.config.validation.rules;
    // The example domain's rules, opt-in and apart from the generic packs.
    exports dev.lamina.config.validation.examples;

    uses dev.lamina.config.validation.ValidationRule;
}
