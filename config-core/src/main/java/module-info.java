/**
 * Lamina core: the configuration tree, sources, hardened parsing, merge, interpolation, conversion,
 * binding, explain, and the runtime {@code ConfigurationManager}.
 */
module dev.lamina.config {
    // Transitive because binding honours Jackson annotations (@JsonProperty) on the caller's own types; no Lamina
    // signature names a Jackson type (ArchitectureTest in config-cli checks that).
    requires transitive com.fasterxml.jackson.databind;
    // Optional formats and libraries (docs/installation.md): present at run time only if the application adds them.
    requires static com.fasterxml.jackson.dataformat.toml;
    requires static com.fasterxml.jackson.dataformat.xml;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires java.xml;
    // The XML hardening watches StAX events as Jackson pulls them (XmlStructureGuard), through Stax2's delegate.
    requires static org.codehaus.stax2;
    requires static com.github.benmanes.caffeine;
    // Optional: ConfigurationOptions.meterRegistry(MeterRegistry) is public API, but a caller who passes a registry
    // requires Micrometer itself; not transitive, so modules that never meter need not have it to compile.
    requires static micrometer.core;
    requires org.slf4j;

    exports dev.lamina.config;
    // Helpers for extension authors (suggestions, tree navigation, scalar grammars, crash-safe writes): public API
    // that Lamina's own modules use too, so that no module needs an export of an internal package.
    exports dev.lamina.config.spi;

    // Layer providers on the class or module path (profiles, overrides) apply without wiring; see
    // ConfigurationOptions.Builder#discoverLayerProviders.
    uses dev.lamina.config.LayerProvider;
}
