/**
 * Lamina feature flags and experiments: a compiler from the {@code feature_flags:} and {@code experiments:}
 * sections of a configuration tree (or an Unleash client-features state) to an immutable evaluator whose
 * hot path allocates nothing and takes no lock.
 */
module dev.lamina.config.flags {
    requires transitive dev.lamina.config;
    requires re2j; // re2j 1.8 ships no module name of its own: its automatic name is "re2j"
    requires micrometer.core; // callers that pass a MeterRegistry already depend on Micrometer themselves
    requires org.slf4j;

    exports dev.lamina.config.flags;
}
