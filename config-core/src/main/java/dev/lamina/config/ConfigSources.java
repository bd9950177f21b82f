package dev.lamina.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import dev.lamina.config.internal.source.ClasspathSource;
import dev.lamina.config.internal.source.DirectorySource;
import dev.lamina.config.internal.source.EnvironmentSource;
import dev.lamina.config.internal.source.FileSource;
import dev.lamina.config.internal.source.MapSource;
import dev.lamina.config.internal.source.StringSource;
import dev.lamina.config.internal.source.SystemPropertiesSource;

/**
 * Factories of {@link ConfigSource}s. Every source is an immutable description: nothing is read when it is created
 * (except {@link #map}, which copies its values); {@link ConfigSource#read(ParseLimits)} reads it again each time,
 * so that a reload sees fresh content. Layer names are source names: a file's path as given
 * ({@code config/staging.yaml}), {@code classpath:app.yaml}, {@code env:LAMINA_}, {@code sysprop:lamina.}.
 *
 * <p>Files are parsed by {@link ConfigDocuments}; the format comes from the extension ({@link Format#fromFileName}).
 * See {@code docs/sources-and-formats.md} and {@code docs/environment-variables.md}.
 *
 * <p>All methods are thread-safe; none returns {@code null}.
 */
public final class ConfigSources {

    private ConfigSources() {
    }

    /**
     * A required file.
     *
     * @param path the file; its text ({@code path.toString()}) is the source and layer name
     * @return the source; reading a missing or unreadable file throws a {@link ConfigSourceException} naming it
     * @throws ConfigSourceException if the extension is not one Lamina reads
     * @throws NullPointerException  if {@code path} is {@code null}
     */
    public static ConfigSource file(Path path) {
        return new FileSource(path, false);
    }

    /**
     * A file that may be absent: then it contributes no layers. Other read errors still throw.
     *
     * @param path the file
     * @return the source
     * @throws ConfigSourceException if the extension is not one Lamina reads
     * @throws NullPointerException  if {@code path} is {@code null}
     */
    public static ConfigSource optionalFile(Path path) {
        return new FileSource(path, true);
    }

    /**
     * A classpath resource read through the thread's context class loader at the time of this call (or this
     * library's loader when there is none). Named {@code classpath:<resource>}; a missing resource is a
     * {@link ConfigSourceException} when read.
     *
     * @param resource the resource path, e.g. {@code config/app.yaml}; a leading {@code /} is ignored
     * @return the source
     * @throws ConfigSourceException if the extension is not one Lamina reads
     */
    public static ConfigSource classpath(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return classpath(resource, loader != null ? loader : ConfigSources.class.getClassLoader());
    }

    /**
     * A classpath resource read through the given class loader.
     *
     * @param resource the resource path
     * @param loader   the class loader
     * @return the source
     * @throws ConfigSourceException if the extension is not one Lamina reads
     */
    public static ConfigSource classpath(String resource, ClassLoader loader) {
        return new ClasspathSource(resource, loader);
    }

    /**
     * A directory by convention: layers {@code base.<ext>} (if present), the ancestors declared in
     * {@code environments.yaml} (root first), then {@code <environment>.<ext>} (required unless declared there), for
     * any supported extension: the same files {@link ConfigurationManager#loadEnvironmentConfig} reads. When read: two files with the same stem are ambiguous, a missing environment
     * file lists the environments found, and a file that resolves outside the directory (symbolic links included)
     * is refused; all as {@link ConfigSourceException}.
     *
     * @param dir         the directory
     * @param environment the environment: a letter or digit, then up to 63 letters, digits, {@code _} or {@code -};
     *                    not {@code base}, {@code environments} or {@code schema}
     * @return the source
     * @throws ConfigSourceException if the environment name is not allowed
     */
    public static ConfigSource directory(Path dir, String environment) {
        return new DirectorySource(dir, environment);
    }

    /**
     * A directory holding one file per key, as Kubernetes mounts a ConfigMap or Secret volume: each file's name is a
     * config path ({@code database.pool.max_size}), its UTF-8 content the string value, exactly as stored. Names
     * starting with {@code .} (Kubernetes' {@code ..data} link and timestamped directory) are skipped; the per-key
     * links are followed. Read again at each read.
     *
     * @param dir the directory
     * @return the source, named by the directory
     */
    public static ConfigSource keyPerFile(Path dir) {
        return new dev.lamina.config.internal.source.KeyPerFileSource(dir);
    }

    /**
     * The process environment ({@link System#getenv()}, read at each read), variables starting with {@code prefix}.
     * {@code LAMINA_SERVER_PORT} → {@code server.port}, {@code LAMINA_DB_POOL__SIZE} → {@code db.pool_size},
     * {@code LAMINA_CACHE_TIME___TO___LIVE} → {@code cache.time-to-live}; see {@code docs/environment-variables.md}.
     *
     * @param prefix the prefix, case-sensitive, for example {@code LAMINA_}; not empty
     * @return the source, named {@code env:<prefix>}
     */
    public static ConfigSource environmentVariables(String prefix) {
        return new EnvironmentSource(prefix, System::getenv);
    }

    /**
     * Environment variables from a map (for tests and embedding), read again at each read.
     *
     * @param prefix the prefix, case-sensitive; not empty
     * @param env    the variables; the map is read (not copied) at each read
     * @return the source, named {@code env:<prefix>}
     */
    public static ConfigSource environmentVariables(String prefix, Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        return new EnvironmentSource(prefix, () -> env);
    }

    /**
     * System properties starting with {@code prefix} ({@link System#getProperties()}, read at each read): the prefix
     * is stripped and dots separate segments ({@code lamina.server.port} → {@code server.port}).
     *
     * @param prefix the prefix, for example {@code lamina.}; not empty
     * @return the source, named {@code sysprop:<prefix>}
     */
    public static ConfigSource systemProperties(String prefix) {
        return new SystemPropertiesSource(prefix, System::getProperties);
    }

    /**
     * Properties from the given object, read again at each read.
     *
     * @param prefix the prefix; not empty
     * @param props  the properties (defaults included)
     * @return the source, named {@code sysprop:<prefix>}
     */
    public static ConfigSource systemProperties(String prefix, Properties props) {
        Objects.requireNonNull(props, "props");
        return new SystemPropertiesSource(prefix, () -> props);
    }

    /**
     * Values built in code, copied now. Keys are config paths ({@code server.port}, {@code brokers[0].host}); values
     * are {@code Map} (keys taken literally), {@code List}, {@code String}, {@code Number}, {@code Boolean} or
     * {@code null}. Origins carry the name without a line.
     *
     * @param name   the source name; not blank
     * @param values the values
     * @return the source
     * @throws IllegalArgumentException if a key is not a valid path, keys collide, or a value has another type
     */
    public static ConfigSource map(String name, Map<String, ?> values) {
        return new MapSource(name, values);
    }

    /**
     * A document held in a string, parsed at each read.
     *
     * @param name    the source name used in origins; not blank
     * @param format  the document's format
     * @param content the document
     * @return the source
     */
    public static ConfigSource string(String name, Format format, String content) {
        return new StringSource(name, format, content);
    }
}
