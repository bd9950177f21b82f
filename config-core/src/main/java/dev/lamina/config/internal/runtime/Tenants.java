package dev.lamina.config.internal.runtime;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import dev.lamina.config.Configuration;
import dev.lamina.config.Layer;
import dev.lamina.config.spi.ComplianceFrameworks;

/**
 * Tenant views: the state in force with {@code tenants/<id>.*} on top (the last slot of the layer order),
 * validated, cached per version in {@link TenantViews}. A tenant without an overlay file gets the environment's
 * configuration itself. Thread-safe.
 */
public final class Tenants {

    private final SourceReader sources;
    private final TenantViews views;
    private final BiConsumer<Configuration, String> validate;

    /**
     * @param sources  reads overlays and builds the views
     * @param cacheSize how many views to keep
     * @param validate validates a view (candidate, environment); throws to refuse it
     */
    public Tenants(SourceReader sources, long cacheSize, BiConsumer<Configuration, String> validate) {
        this.sources = sources;
        this.views = new TenantViews(cacheSize);
        this.validate = validate;
    }

    /**
     * @param state    the state in force
     * @param tenantId a validated tenant id
     * @return the tenant's configuration
     * @throws dev.lamina.config.ConfigException if the overlay cannot be read, parsed or resolved, or the view is
     *                                           refused by validation; nothing is cached
     */
    public Configuration view(ManagerState state, String tenantId) {
        return views.get(state.snapshot().version(), tenantId, () -> {
            Optional<List<Layer>> overlay = sources.tenantLayers(tenantId);
            if (overlay.isEmpty()) {
                return state.snapshot().configuration();
            }
            // A tenant's frameworks add to the environment's, as validation counts them (ComplianceFrameworks).
            List<Layer> layers = ComplianceFrameworks.unionWithBelow(overlay.get(), () -> {
                List<Layer> below = new java.util.ArrayList<>(state.sourceLayers());
                below.add(new Layer(SourceReader.RUNTIME_LAYER, state.runtimeTree()));
                return below;
            });
            Configuration cfg = sources.build(state.environment(), state.sourceLayers(), state.runtimeTree(),
                    layers, null);
            validate.accept(cfg, state.environment());
            return cfg;
        });
    }

    /** Forgets every view: overlays may have changed (a reload) or the state did (a publish). */
    public void invalidate() {
        views.invalidate();
    }
}
