/**
 * Lamina overrides: override files with {@code _metadata} (priority, conditions, dependencies), the layer provider
 * that applies the selected ones, and {@code OverrideManager}.
 */
module dev.lamina.config.overrides {
    requires transitive dev.lamina.config;
    requires com.github.benmanes.caffeine;
    requires org.slf4j;

    exports dev.lamina.config.overrides;

    provides dev.lamina.config.LayerProvider with dev.lamina.config.overrides.OverrideLayerProvider;
}
