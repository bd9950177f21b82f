/**
 * Lamina profiles: built-in and user deployment profiles, geographic (compliance) profiles, and the layer
 * providers that put them into a {@code ConfigurationManager}'s layer order.
 */
module dev.lamina.config.profiles {
    requires transitive dev.lamina.config;
    requires org.slf4j;

    exports dev.lamina.config.profiles;

    provides dev.lamina.config.LayerProvider with dev.lamina.config.profiles.ProfileLayerProvider,
            dev.lamina.config.profiles.RegionLayerProvider;
}
