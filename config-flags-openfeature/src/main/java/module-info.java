/**
 * An OpenFeature provider for Lamina's feature flags: {@code LaminaProvider} resolves boolean, string, integer,
 * double and object flags from the flags of a {@code ConfigurationManager}'s snapshots and emits OpenFeature
 * provider events when they change.
 */
module dev.lamina.config.flags.openfeature {
    requires transitive dev.lamina.config.flags;
    requires transitive dev.openfeature.sdk; // the SDK ships an Automatic-Module-Name, no module-info
    requires micrometer.core; // callers that pass a MeterRegistry already depend on Micrometer themselves
    requires org.slf4j;

    exports dev.lamina.config.flags.openfeature;
}
