package dev.lamina.config.profiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.spi.ComplianceFrameworks;
import dev.lamina.config.profiles.internal.ProfileCatalog;
import dev.lamina.config.profiles.internal.ProfileFiles;

/**
 * The profiles of a configuration directory (the product's {@code ConfigurationProfiles}): the built-in deployment
 * and geographic profiles plus the directory's {@code profiles/<name>.*} and {@code regions/<code>.*} files.
 *
 * <pre>{@code
 * ProfileManager profiles = new ProfileManager(Path.of("config"));          // built-ins + config/profiles/*
 * DeploymentProfileDefinition hv = profiles.getDeploymentProfile(DeploymentProfile.HIGH_VOLUME);
 * Configuration tuned = profiles.applyProfile(baseConfig, hv);
 * GeographicProfile eu = profiles.getGeographicProfile("EU");
 * Configuration euConfig = profiles.applyGeographicProfile(config, eu);
 * }</pre>
 *
 * <p>Every call reads the files again (profiles are small; a service uses {@link ProfileLayerProvider} and
 * {@link RegionLayerProvider}, which a manager calls on each load and reload). Thread-safe.
 */
public final class ProfileManager {

    private final Path directory;
    private final ConfigurationOptions options;

    /**
     * @param directory the configuration directory (its {@code profiles/} and {@code regions/} are read; they may be
     *                  absent)
     */
    public ProfileManager(Path directory) {
        this(directory, ConfigurationOptions.builder().directory(directory).build());
    }

    /**
     * @param directory the configuration directory
     * @param options   parse limits, merge options and variables for {@code apply…}
     */
    public ProfileManager(Path directory, ConfigurationOptions options) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return a manager with the built-in profiles only */
    public static ProfileManager builtInsOnly() {
        return new ProfileManager(ConfigurationOptions.defaults());
    }

    /** Built-ins only: no directory. */
    private ProfileManager(ConfigurationOptions options) {
        this.directory = null;
        this.options = options;
    }

    private ProfileCatalog catalog() {
        return new ProfileCatalog(directory, ProfileFiles.direct(options.parseLimits()));
    }

    /**
     * @param profile a built-in profile
     * @return its definition, refined by the directory's file of the same name when there is one
     * @throws dev.lamina.config.ConfigException if a file involved is malformed
     */
    public DeploymentProfileDefinition getDeploymentProfile(DeploymentProfile profile) {
        return getProfile(profile.profileName());
    }

    /**
     * @param name a built-in or user profile name, case-insensitive, {@code -} and {@code _} equal
     * @return its definition, with what it extends
     * @throws dev.lamina.config.ConfigException if the name is unknown (lists the known names), a file is
     *                                           malformed, or {@code extends} cycles
     */
    public DeploymentProfileDefinition getProfile(String name) {
        Objects.requireNonNull(name, "name");
        ProfileCatalog catalog = catalog();
        List<ProfileCatalog.Resolved> chain = catalog.profileWithAncestors(name, Origin.of("profile name"));
        ProfileCatalog.Resolved self = chain.get(chain.size() - 1);
        List<Layer> layers = new ArrayList<>();
        Set<String> frameworks = new LinkedHashSet<>();
        chain.forEach(r -> {
            layers.addAll(r.layers());
            frameworks.addAll(r.frameworks());
        });
        return new DeploymentProfileDefinition(self.displayName(), self.description(), self.builtIn(), self.parents(),
                frameworks, layers);
    }

    /**
     * @param code a region code ({@code EU}), case-insensitive
     * @return the geographic profile
     * @throws dev.lamina.config.ConfigException if the code is unknown (lists the known codes) or a file is malformed
     */
    public GeographicProfile getGeographicProfile(String code) {
        Objects.requireNonNull(code, "code");
        ProfileCatalog.Resolved r = catalog().region(code, Origin.of("region code"));
        return new GeographicProfile(r.displayName(), r.description(), r.builtIn(), r.frameworks(), r.layers());
    }

    /** @return every deployment and user profile, built-ins first, then the user's by name */
    public List<DeploymentProfileDefinition> listProfiles() {
        ProfileCatalog catalog = catalog();
        return catalog.profileNames().stream().map(this::getProfile).toList();
    }

    /** @return every geographic profile, built-ins first */
    public List<GeographicProfile> listGeographicProfiles() {
        return catalog().regionNames().stream().map(this::getGeographicProfile).toList();
    }

    /**
     * Applies a profile on top of a configuration: the profile's layers go above all of the configuration's.
     * (A manager with {@link ProfileLayerProvider} puts them in the documented place instead: below overrides and
     * environment variables.)
     *
     * @param base    the configuration
     * @param profile the profile
     * @return a new configuration; {@code base} is unchanged
     */
    public Configuration applyProfile(Configuration base, DeploymentProfileDefinition profile) {
        return apply(base, profile.layers());
    }

    /**
     * Applies a geographic profile on top of a configuration.
     *
     * @param config  the configuration
     * @param profile the geographic profile
     * @return a new configuration; {@code config} is unchanged
     */
    public Configuration applyGeographicProfile(Configuration config, GeographicProfile profile) {
        return apply(config, profile.layers());
    }

    private Configuration apply(Configuration base, List<Layer> layers) {
        List<Layer> all = new ArrayList<>(base.layers());
        all.addAll(ComplianceFrameworks.unionWithBelow(layers, base::layers));
        return new ConfigLoader(options).fromLayers(all);
    }

    /** @return the configuration directory, when there is one */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }
}
