package dev.lamina.config;

/**
 * Where a source added with {@link ConfigurationOptions.Builder#addSource(ConfigSource, SourcePlacement)} sits in
 * the manager's layer order (see {@code docs/merging.md} for the whole list).
 */
public enum SourcePlacement {
    /** Below the files: defaults that every file overrides. */
    BELOW_FILES,
    /** Above the files and the contributed layers (profiles, overrides), below environment variables. */
    ABOVE_FILES,
    /** Above environment variables, below runtime updates. */
    ABOVE_ENVIRONMENT_VARIABLES
}
