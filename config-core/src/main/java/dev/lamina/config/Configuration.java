package dev.lamina.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, fully merged and interpolated configuration: the thing an application reads.
 *
 * <p>Paths use the {@link ConfigPath} syntax ({@code server.port}, {@code brokers[0].host}). Every getter
 * either returns a value converted without loss or throws: {@link ConfigMissingException} when the path is
 * absent, {@link ConfigTypeException} when the value cannot be converted ({@code 8080.9} is not an
 * {@code int}, {@code null} is not {@code 0}, only {@code true}/{@code false} are booleans). The
 * {@code getOptional…} forms return {@link Optional#empty()} for an absent path or an explicit null, and
 * still throw for a value of the wrong type. No method returns {@code null}.
 *
 * <p>Instances are immutable and safe to share between threads; lookups take no locks. {@link #toString()}
 * masks secret values.
 */
public interface Configuration {

    /** @return the whole tree */
    ConfigObject root();

    /**
     * @param path a config path
     * @return the node at the path, or empty when absent
     * @throws IllegalArgumentException if the path text is malformed
     */
    Optional<ConfigNode> node(String path);

    /**
     * @param path a config path
     * @return {@code true} when the path exists and is not an explicit null
     */
    boolean hasPath(String path);

    /**
     * @param path a config path to a scalar
     * @return the scalar's text exactly as written ({@code 0755} stays {@code "0755"})
     * @throws ConfigMissingException if absent
     * @throws ConfigTypeException    if the node is an object, list or null
     */
    String getString(String path);

    /**
     * @param path a config path to an integral number within {@code int} range
     * @return the value
     * @throws ConfigMissingException if absent
     * @throws ConfigTypeException    if not an integer, fractional, or out of range
     */
    int getInt(String path);

    /**
     * @param path a config path to an integral number within {@code long} range
     * @return the value
     * @throws ConfigMissingException if absent
     * @throws ConfigTypeException    if not an integer or out of range
     */
    long getLong(String path);

    /**
     * @param path a config path to a number
     * @return the value
     * @throws ConfigMissingException if absent
     * @throws ConfigTypeException    if not a number
     */
    double getDouble(String path);

    /**
     * @param path a config path to {@code true} or {@code false} (case-insensitive; {@code yes}/{@code on} are
     *             not booleans)
     * @return the value
     * @throws ConfigMissingException if absent
     * @throws ConfigTypeException    if not a boolean
     */
    boolean getBoolean(String path);

    /**
     * @param path a config path to a duration: {@code 250ms}, {@code 30s}, {@code 1h30m}, {@code 2d}, ISO-8601
     *             {@code PT15S}, or a bare number of seconds
     * @return the value
     * @throws ConfigMissingException if absent
     * @throws ConfigTypeException    if not a duration
     */
    Duration getDuration(String path);

    /**
     * @param path a config path to a data size: {@code 512B}, {@code 64KB}, {@code 2GB}, {@code 1.5GiB} (binary
     *             units), or a bare number of bytes
     * @return the value
     * @throws ConfigMissingException if absent
     * @throws ConfigTypeException    if not a size
     */
    DataSize getSize(String path);

    /**
     * @param path a config path to an enum constant's name (case-insensitive, {@code -} and {@code _} alike)
     * @param type the enum type
     * @param <E>  the enum type
     * @return the constant
     * @throws ConfigMissingException if absent
     * @throws ConfigTypeException    if no constant matches; the message lists the constants
     */
    <E extends Enum<E>> E getEnum(String path, Class<E> type);

    /**
     * @param path        a config path to a list
     * @param elementType the type of each element: {@code String}, a boxed primitive, {@code Duration},
     *                    {@link DataSize}, an enum, or a record/class bound as by {@link #bind}
     * @param <T>         the element type
     * @return an unmodifiable list
     * @throws ConfigMissingException if absent
     * @throws ConfigTypeException    if not a list or an element cannot be converted (the message names the index)
     */
    <T> List<T> getList(String path, Class<T> elementType);

    /** @param path a config path @return the string, or empty when absent or null */
    Optional<String> getOptionalString(String path);

    /** @param path a config path @return the int, or empty when absent or null */
    Optional<Integer> getOptionalInt(String path);

    /** @param path a config path @return the long, or empty when absent or null */
    Optional<Long> getOptionalLong(String path);

    /** @param path a config path @return the double, or empty when absent or null */
    Optional<Double> getOptionalDouble(String path);

    /** @param path a config path @return the boolean, or empty when absent or null */
    Optional<Boolean> getOptionalBoolean(String path);

    /** @param path a config path @return the duration, or empty when absent or null */
    Optional<Duration> getOptionalDuration(String path);

    /** @param path a config path @return the size, or empty when absent or null */
    Optional<DataSize> getOptionalSize(String path);

    /**
     * @param path a config path
     * @param type the enum type
     * @param <E>  the enum type
     * @return the constant, or empty when absent or null
     */
    <E extends Enum<E>> Optional<E> getOptionalEnum(String path, Class<E> type);

    /**
     * Binds a subtree to a record or class through Jackson. Strict: an unknown key is an error that suggests
     * the nearest known property; durations and sizes in the tree bind to {@link Duration} and {@link DataSize}
     * components.
     *
     * @param path a config path to an object ({@code ""} for the whole tree)
     * @param type the target type
     * @param <T>  the target type
     * @return the bound value
     * @throws ConfigMissingException if absent
     * @throws ConfigBindException    if the subtree does not fit the type; the message names path and origin
     */
    <T> T bind(String path, Class<T> type);

    /**
     * @param path a config path
     * @return the subtree at the path as a configuration of its own (paths relative to it)
     * @throws ConfigMissingException if absent
     * @throws ConfigTypeException    if the node is not an object
     */
    Configuration getConfig(String path);

    /**
     * @param path a config path
     * @return where the value in force was written, or empty when absent
     */
    Optional<Origin> origin(String path);

    /**
     * Explains a value: every layer's candidate for the path (masked when secret), which one won and why.
     *
     * @param path a config path
     * @return the explanation; for an absent path, one with no winner
     */
    Explanation explain(String path);

    /**
     * @return every path to a scalar, explicit null or empty object/list, in document order
     */
    List<ConfigPath> leafPaths();

    /**
     * @return the tree as plain Java values ({@code Map}, {@code List}, {@code String}, {@code Long},
     *         {@code Double}, {@code Boolean}, {@code null} inside lists), unmodifiable, secrets unmasked
     */
    Map<String, Object> unwrapped();

    /**
     * The one answer to "is this secret?" for this snapshot, which every output of Lamina asks ({@code toString},
     * explain, events, history, diffs, audit records, rendering, exports, error messages, logs, {@code configctl}).
     * A path is secret when
     * <ul>
     *   <li>the {@linkplain #secretPolicy() policy} names it secret (a secret-looking key at the path or above it,
     *       see {@code docs/secrets.md}) or declares it, or a path above it, secret
     *       ({@link SecretPolicy#withPaths(String...)}, {@link ConfigurationOptions.Builder#addSecretPaths});</li>
     *   <li>its value was written as an encrypted envelope ({@code ENC[...]}), decrypted or not;</li>
     *   <li>a {@link ValueResolver} or {@link ValueDecoder} marked its value secret ({@link ResolvedValue#secret}),
     *       or it copies such a value through {@code ${ref:...}}.</li>
     * </ul>
     *
     * @param path a config path; it need not exist (then only the policy decides)
     * @return {@code true} when values at the path must be masked
     * @throws IllegalArgumentException if the path text is malformed
     */
    boolean isSecret(String path);

    /**
     * Reads a value as a {@link Secret}: it prints as {@value SecretPolicy#MASK}, and its plain text is only
     * available through {@link Secret#reveal()}. Any string, number or boolean can be read this way, typically a
     * decrypted {@code ENC[...]} value or a password.
     *
     * @param path a config path
     * @return the value as a secret
     * @throws ConfigMissingException if there is no value at the path
     * @throws ConfigTypeException    if the value is not a scalar (the message never quotes the value)
     */
    default Secret getSecret(String path) {
        return Secret.of(getString(path));
    }

    /**
     * The half of {@link #isSecret(String)} that comes from the value rather than from the policy: the value was
     * written encrypted ({@code ENC[...]}, decrypted or not, or a value of a SOPS file) or a resolver or decoder
     * marked it secret. Such a value is not written in plain text in any configuration file, even where a layer's
     * tree holds it decrypted (a SOPS file's layer does); a check for plain-text secrets asks this.
     *
     * @param path a config path; it need not exist (then {@code false})
     * @return {@code true} when the value at the path is secret because of how it was written or resolved
     * @throws IllegalArgumentException if the path text is malformed
     */
    default boolean isSecretByValue(String path) {
        return false;
    }

    /** @return the policy that decides which paths are secret */
    SecretPolicy secretPolicy();

    /**
     * The layers this configuration was merged from, as written: before interpolation, so that
     * {@code password: ${DB_PASSWORD}} is still an expression here. Validators use them to tell a literal
     * secret from a reference to one. A sub-configuration from {@link #getConfig} returns the layers of the
     * whole configuration it belongs to.
     *
     * @return the layers, lowest precedence first; unmodifiable
     */
    List<Layer> layers();
}
