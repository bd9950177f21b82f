package dev.lamina.config.overrides;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerContext;
import dev.lamina.config.LayerKind;
import dev.lamina.config.LayerMetadata;
import dev.lamina.config.LayerProvider;
import dev.lamina.config.Origin;
import dev.lamina.config.overrides.internal.OverrideCatalog;
import dev.lamina.config.spi.ComplianceFrameworks;

/**
 * Applies the selected override files ({@code overrides/<name>.*} in the configuration directory) above the
 * geographic profile and below environment variables ({@link LayerProvider#OVERRIDES}): dependencies first, then by
 * priority (higher applies later and wins), ties by name.
 *
 * <p>Selected are the environment's {@code overrides:} in {@code environments.yaml}, the names in
 * {@code CONFIG_OVERRIDE_TYPE} (comma-separated), the names given here (the CLI's {@code --override}), and what those
 * {@code depends_on}. A selected override whose conditions do not hold is skipped, not an error: a WARN log line and
 * a {@link dev.lamina.config.ConfigWarningEvent} (to a manager's listeners) say why, and the configuration keeps an
 * empty layer described {@code override docker (priority 50) skipped:
 * requires environment in [development, testing], loading production}, which {@code explain} and
 * {@code configctl explain} show. The directory and the files are watched by hot reload. Immutable and thread-safe.
 */
public final class OverrideLayerProvider implements LayerProvider {

    /** The variable naming overrides, comma-separated (the product's {@code CONFIG_OVERRIDE_TYPE}). */
    public static final String VARIABLE = "CONFIG_OVERRIDE_TYPE";

    /** The directory below the configuration directory. */
    public static final String DIRECTORY = "overrides";

    private static final Logger LOG = LoggerFactory.getLogger(OverrideLayerProvider.class);

    private final List<String> overrides;
    private final Optional<Path> directory;

    /** Selects only what {@code environments.yaml} and {@code CONFIG_OVERRIDE_TYPE} name. */
    public OverrideLayerProvider() {
        this(List.of());
    }

    /**
     * @param overrides overrides to select besides those of {@code environments.yaml} and {@code CONFIG_OVERRIDE_TYPE}
     */
    public OverrideLayerProvider(List<String> overrides) {
        this.overrides = List.copyOf(Objects.requireNonNull(overrides, "overrides"));
        this.directory = Optional.empty();
    }

    /**
     * @param directory the overrides directory (relative paths resolve from the configuration directory)
     * @param overrides overrides to select
     */
    public OverrideLayerProvider(Path directory, List<String> overrides) {
        this.overrides = List.copyOf(Objects.requireNonNull(overrides, "overrides"));
        this.directory = Optional.of(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * @param context the load's context
     * @return the applicable selected overrides' layers in order, plus an empty layer per skipped one
     * @throws ConfigException if a name is unknown, a file or its metadata is malformed (file:line:column), or
     *                         {@code depends_on} cycles
     */
    @Override
    public List<Layer> layers(LayerContext context) {
        // The context resolves a relative path against the configuration directory itself; resolving it here too
        // would double a relative base directory (examples/config/examples/config/overrides).
        Path relative = directory.orElse(Path.of(DIRECTORY));
        Path shown = context.baseDirectory().resolve(relative);
        OverrideCatalog catalog = new OverrideCatalog(shown, d -> context.listFiles(relative),
                file -> context.parseFile(belowBase(context, file),
                        LayerMetadata.of(LayerKind.OVERRIDE, file.getFileName().toString())).root());
        catalog.files(); // listed every time, so hot reload watches the directory
        List<OverrideCatalog.Selected> selected = selection(overrides, context);
        if (selected.isEmpty()) {
            return List.of();
        }
        OverrideCatalog.Plan plan = catalog.plan(selected, () -> new ConditionContext(context.environment(),
                context::variable, context.below()));
        // Skipped overrides first (empty, they change nothing), in name order, then the applied ones in order.
        List<Layer> out = new ArrayList<>();
        for (OverrideStatus s : plan.statuses()) {
            if (s.selected() && !s.applied()) {
                String why = "Override " + s.name() + " (" + s.file() + ") is selected but skipped: "
                        + s.condition().describe();
                LOG.warn(why);
                context.warn(why, Origin.of(s.file()));
                out.add(new Layer(s.file(), ConfigObject.empty(Origin.of(s.file())),
                        new LayerMetadata(LayerKind.OVERRIDE, "override " + s.name() + " (priority " + s.priority()
                                + ") skipped: " + s.condition().describe(), s.priority(), "")));
            }
        }
        // An override declaring compliance frameworks adds to those below, as validation counts them.
        out.addAll(ComplianceFrameworks.unionWithBelow(plan.layers(), context::layersBelow));
        return out;
    }

    /** listFiles returns paths below the base directory; parseFile resolves a relative path against it again. */
    private static Path belowBase(LayerContext context, Path file) {
        Path base = context.baseDirectory();
        return file.isAbsolute() == base.isAbsolute() && file.startsWith(base) ? base.relativize(file) : file;
    }

    /**
     * The names a load selects: {@code environments.yaml}'s, then {@code CONFIG_OVERRIDE_TYPE}'s, then the explicit
     * ones.
     *
     * @param explicit names given in code or on the command line
     * @param context  the load's context
     * @return the names with where each was given
     */
    static List<OverrideCatalog.Selected> selection(List<String> explicit, LayerContext context) {
        List<OverrideCatalog.Selected> out = new ArrayList<>();
        context.environmentDeclaration().flatMap(d -> d.get("overrides")).ifPresent(node -> {
            ConfigPath path = ConfigPath.of(context.environment(), "overrides");
            List<ConfigNode> items = node instanceof ConfigList l ? l.items() : List.of(node);
            for (ConfigNode item : items) {
                if (!(item instanceof ConfigScalar s)) {
                    throw new ConfigException(item.origin(), path, "expected an override name or a list of names, "
                            + "found a " + item.kindName());
                }
                out.add(new OverrideCatalog.Selected(s.text().trim(), s.origin()));
            }
        });
        context.variable(VARIABLE).ifPresent(v -> {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(new OverrideCatalog.Selected(part.trim(), Origin.of("environment variable " + VARIABLE)));
                }
            }
        });
        explicit.forEach(n -> out.add(new OverrideCatalog.Selected(n, Origin.of("override selection (--override or code)"))));
        return out;
    }

    /** @return {@link LayerProvider#OVERRIDES} */
    @Override
    public int position() {
        return OVERRIDES;
    }

    /** @return the overrides named in code */
    public List<String> overrides() {
        return overrides;
    }

    @Override
    public String toString() {
        return "OverrideLayerProvider" + overrides;
    }
}
