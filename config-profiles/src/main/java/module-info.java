/**
 * Lamina profiles: built-in and user deployment profiles, geographic (compliance) profiles, and the layer
 * providers that put them into a {@code ConfigurationManager}'s layer order.
 */
module dev.lamina.config.profiles {
    requires transitive dev.lamina.config;
    requires org.slf4j;

    exports dev.lamina.config.profiles;
}
