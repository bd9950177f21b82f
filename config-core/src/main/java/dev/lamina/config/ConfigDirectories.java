package dev.lamina.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.lamina.config.internal.source.DirectoryLayout;

/**
 * Questions about a configuration directory ({@code base.*}, {@code environments.yaml}, {@code <env>.*}) that tools
 * ask before or besides loading it. Stateless and thread-safe.
 */
public final class ConfigDirectories {

    private ConfigDirectories() {
    }

    /**
     * Checks an environment name as {@link ConfigurationManager#loadEnvironmentConfig(String)} does, for a tool that
     * takes the name from its user and wants to say what is wrong before loading: letters, digits, {@code _} and
     * {@code -} (so that it cannot name a file outside the directory), and none of the reserved stems {@code base},
     * {@code environments}, {@code schema}.
     *
     * @param environment the name
     * @return the name
     * @throws IllegalArgumentException if it is not a valid environment name; the message says which rule it breaks
     */
    public static String checkEnvironmentName(String environment) {
        return DirectoryLayout.checkName("environment", environment);
    }

    /**
     * The files an environment would be made of that no Lamina source reads, because of their extension
     * ({@code base.conf}, {@code base.ini}, {@code staging.cfg}): loading skips them, so a tool should say so. The
     * {@link ConfigurationManager} and {@link ConfigSources#directory} log a warning for each; {@code configctl}
     * prints one on stderr.
     *
     * @param dir         the configuration directory, not {@code null}
     * @param environment the environment name, not {@code null}
     * @return the files holding {@code base}, {@code environments}, the environment or one of its ancestors with an
     *         unreadable extension, sorted by name; empty when there are none or the directory cannot be listed
     * @throws IllegalArgumentException if the environment name is not a valid name
     */
    public static List<Path> unreadFiles(Path dir, String environment) {
        Objects.requireNonNull(dir, "dir");
        DirectoryLayout.checkName("environment", environment);
        List<String> stems = new ArrayList<>(List.of("base", "environments"));
        try {
            stems.addAll(DirectoryLayout.chain(dir, environment, ParseLimits.DEFAULTS).chain());
        } catch (ConfigException e) {
            // A broken environments file is reported by the load itself; the environment's own stem still counts.
            stems.add(environment);
        }
        return DirectoryLayout.unreadFiles(dir, stems);
    }
}
