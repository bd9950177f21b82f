package dev.lamina.config.profiles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.lamina.config.Layer;
import dev.lamina.config.LayerContext;
import dev.lamina.config.LayerProvider;
import dev.lamina.config.profiles.internal.Activation;
import dev.lamina.config.spi.ComplianceFrameworks;
import dev.lamina.config.profiles.internal.ProfileCatalog;
import dev.lamina.config.profiles.internal.ProfileFiles;

/**
 * Puts the active deployment and user profiles into a manager's layers, above the environment's files and below
 * the geographic profile ({@link LayerProvider#PROFILES}). Active are, in this order: the environment's
 * {@code profiles:} in {@code environments.yaml}, the names in {@code CONFIG_PROFILE} (comma-separated), and the
 * names given here (the CLI's {@code --profile}); a profile named twice applies once, at its first place, and what a
 * profile {@code extends} applies just before it.
 *
 * <pre>{@code
 * ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder()
 *         .directory(Path.of("config"))
 *         .addLayerProvider(new ProfileLayerProvider(List.of("high-volume")))
 *         .addLayerProvider(new RegionLayerProvider("EU"))
 *         .build());
 * }</pre>
 *
 * <p>The user's {@code profiles/} directory is read on every load and watched by hot reload, so editing, adding or
 * deleting a profile file reloads. Immutable and thread-safe.
 */
public final class ProfileLayerProvider implements LayerProvider {

    private final List<String> profiles;

    /** Activates only what {@code environments.yaml} and {@code CONFIG_PROFILE} name. */
    public ProfileLayerProvider() {
        this(List.of());
    }

    /**
     * @param profiles profiles to activate after those of {@code environments.yaml} and {@code CONFIG_PROFILE}, in
     *                 order; names compare ignoring case, with {@code -} and {@code _} equal
     * @throws NullPointerException if the list or a name is {@code null}
     */
    public ProfileLayerProvider(List<String> profiles) {
        this.profiles = List.copyOf(Objects.requireNonNull(profiles, "profiles"));
    }

    /** The context resolves relative paths against the configuration directory; resolving here too would double it. */
    private static final java.nio.file.Path RELATIVE_TO_CONFIGURATION = java.nio.file.Path.of("");

    /**
     * @param context the load's context
     * @return the active profiles' layers, in activation order; a layer declaring {@code compliance.frameworks}
     *         lists the frameworks declared below it too (declarations add up, see {@code docs/profiles.md})
     * @throws dev.lamina.config.ConfigException if a name is unknown (the message lists the known names and the
     *                                           nearest one), a profile file is malformed, or {@code extends} cycles
     */
    @Override
    public List<Layer> layers(LayerContext context) {
        ProfileCatalog catalog = new ProfileCatalog(RELATIVE_TO_CONFIGURATION, ProfileFiles.of(context));
        // Listed every time, so that hot reload watches profiles/ even when no profile is active yet.
        catalog.profileNames();
        List<Layer> out = new ArrayList<>();
        Set<String> applied = new HashSet<>();
        for (Activation.Named named : Activation.profiles(profiles, context)) {
            for (ProfileCatalog.Resolved r : catalog.profileWithAncestors(named.name(), named.origin())) {
                if (applied.add(r.canonical())) {
                    out.addAll(r.layers());
                }
            }
        }
        return ComplianceFrameworks.unionWithBelow(out, context::layersBelow);
    }

    /** @return {@link LayerProvider#PROFILES} */
    @Override
    public int position() {
        return PROFILES;
    }

    /** @return the profiles named in code, in order */
    public List<String> profiles() {
        return profiles;
    }

    @Override
    public String toString() {
        return "ProfileLayerProvider" + profiles;
    }
}
