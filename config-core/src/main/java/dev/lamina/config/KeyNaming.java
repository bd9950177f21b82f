package dev.lamina.config;

/**
 * How {@link Configuration#bind(String, Class) bind} matches configuration keys to the members of a record or
 * class. Strictness does not change: a key that matches no member under the chosen naming is still an unknown key,
 * reported with the nearest known key.
 *
 * <p>Set it for a manager or a loader with {@link ConfigurationOptions.Builder#bindingKeyNaming(KeyNaming)}. An
 * explicit {@code @JsonProperty("name")} on a member always wins over the naming.
 */
public enum KeyNaming {

    /** Keys must be spelled exactly as the members are ({@code requestTimeout}); the default. */
    AS_WRITTEN,

    /** Keys are snake_case: {@code request_timeout} binds to a member {@code requestTimeout}. */
    SNAKE_CASE,

    /** Keys are kebab-case: {@code request-timeout} binds to a member {@code requestTimeout}. */
    KEBAB_CASE
}
