package dev.lamina.config.profiles;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.Layer;
import dev.lamina.config.LayerContext;
import dev.lamina.config.LayerProvider;
import dev.lamina.config.profiles.internal.Activation;
import dev.lamina.config.spi.ComplianceFrameworks;
import dev.lamina.config.profiles.internal.ProfileCatalog;
import dev.lamina.config.profiles.internal.ProfileFiles;

/**
 * Puts the geographic profile into a manager's layers, above every deployment profile and below override files
 * ({@link LayerProvider#REGION}): a compliance setting outranks deployment tuning on purpose. The region is the one
 * given here (the CLI's {@code --region}), else {@code CONFIG_REGION}, else the environment's {@code region:} in
 * {@code environments.yaml}; a region given in two places with different values is logged as a warning naming the
 * one ignored.
 *
 * <p>The user's {@code regions/} directory refines the built-ins and is watched by hot reload. Immutable and
 * thread-safe.
 */
public final class RegionLayerProvider implements LayerProvider {

    private final Optional<String> region;

    /** Uses only what {@code CONFIG_REGION} and {@code environments.yaml} name. */
    public RegionLayerProvider() {
        this.region = Optional.empty();
    }

    /**
     * @param region the region code ({@code EU}, {@code US}, {@code UK}, {@code BR}, {@code JP}, {@code KR}, or a
     *               user region), case-insensitive
     * @throws NullPointerException if {@code region} is {@code null}
     */
    public RegionLayerProvider(String region) {
        this.region = Optional.of(Objects.requireNonNull(region, "region"));
    }

    /** The context resolves relative paths against the configuration directory; resolving here too would double it. */
    private static final java.nio.file.Path RELATIVE_TO_CONFIGURATION = java.nio.file.Path.of("");

    /**
     * @param context the load's context
     * @return the region's layers, or none when no region is named; the region's {@code compliance.frameworks}
     *         lists the frameworks declared below it too (declarations add up)
     * @throws dev.lamina.config.ConfigException if the code is unknown (the message lists the known codes)
     */
    @Override
    public List<Layer> layers(LayerContext context) {
        ProfileCatalog catalog = new ProfileCatalog(RELATIVE_TO_CONFIGURATION, ProfileFiles.of(context));
        catalog.regionNames();
        Optional<Activation.Named> named = Activation.region(region, context);
        if (named.isEmpty()) {
            return List.of();
        }
        return ComplianceFrameworks.unionWithBelow(catalog.region(named.get().name(), named.get().origin()).layers(),
                context::layersBelow);
    }

    /** @return {@link LayerProvider#REGION} */
    @Override
    public int position() {
        return REGION;
    }

    /** @return the region named in code, when one was */
    public Optional<String> region() {
        return region;
    }

    @Override
    public String toString() {
        return "RegionLayerProvider" + region.map(r -> "[" + r + "]").orElse("[]");
    }
}
