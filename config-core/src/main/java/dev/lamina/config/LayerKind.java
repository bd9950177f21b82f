package dev.lamina.config;

/**
 * What kind of input a {@link Layer} came from. {@code explain} output and events name it ("set by profile
 * HIGH_VOLUME"), and the manager's layer order is built from these kinds (see {@code docs/merging.md}).
 */
public enum LayerKind {
    /** A configuration file: {@code base.*}, an environment's file or any file given as a source. */
    FILE,
    /** A deployment or user profile contributed by a {@link LayerProvider}. */
    PROFILE,
    /** A geographic (compliance) profile contributed by a {@link LayerProvider}. */
    REGION,
    /** A metadata-driven override file contributed by a {@link LayerProvider}. */
    OVERRIDE,
    /** A remote store (etcd, …) added with {@link ConfigurationOptions.Builder#addSource}. */
    REMOTE,
    /** Environment variables. */
    ENVIRONMENT_VARIABLES,
    /** Java system properties. */
    SYSTEM_PROPERTIES,
    /** Runtime updates applied through {@code ConfigurationManager.updateConfig}. */
    RUNTIME,
    /** A tenant's overlay ({@code tenants/<id>.*}). */
    TENANT,
    /** Values built in code (a map source, a test). */
    CODE
}
