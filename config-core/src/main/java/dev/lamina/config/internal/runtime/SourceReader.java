package dev.lamina.config.internal.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigSource;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.ConfigWarningEvent;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Format;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerKind;
import dev.lamina.config.LayerMetadata;
import dev.lamina.config.LayerProvider;
import dev.lamina.config.Origin;
import dev.lamina.config.SourcePlacement;
import dev.lamina.config.internal.parse.ParsedDocumentCache;
import dev.lamina.config.internal.source.DirectoryLayout;
import dev.lamina.config.internal.source.FileReads;
import dev.lamina.config.internal.source.FileSource;
import dev.lamina.config.internal.source.StableReads;
import dev.lamina.config.internal.tree.LayerPipeline;

/**
 * Reads the manager's inputs (the environment's files, layer providers, added sources, environment variables,
 * tenant overlays) and builds configurations from layers. The one place that knows the layer
 * order, lowest precedence first:
 *
 * <ol>
 * <li>sources added {@link SourcePlacement#BELOW_FILES below the files};</li>
 * <li>the files by convention: {@code base.*}, the environment's ancestors from {@code environments.yaml}
 *     (root first), {@code <env>.*} (a {@link ConfigLoader} puts the sources it is given here);</li>
 * <li>the {@link LayerProvider}s' layers, by ascending {@link LayerProvider#position()};</li>
 * <li>sources added {@link SourcePlacement#ABOVE_FILES above the files};</li>
 * <li>environment variables (with {@link ConfigurationOptions#envPrefix()});</li>
 * <li>sources added {@link SourcePlacement#ABOVE_ENVIRONMENT_VARIABLES above environment variables};</li>
 * <li>runtime updates;</li>
 * <li>a tenant's overlay ({@code tenants/<id>.*}), for tenant views.</li>
 * </ol>
 *
 * Stateless apart from the options and the parsed-document cache; thread-safe.
 */
public final class SourceReader {

    /** The name of the runtime-updates layer in explain output. */
    public static final String RUNTIME_LAYER = "runtime updates";

    /** The description of the runtime-updates layer. */
    private static final LayerMetadata RUNTIME = LayerMetadata.of(LayerKind.RUNTIME, RUNTIME_LAYER);

    /**
     * What one read of the environment produced.
     *
     * @param files   stem to file, for the stems that had a file
     * @param layers  the layers, lowest precedence first (without the runtime layer)
     * @param watched files and directories the layer providers declared, for hot reload
     * @param notes    what the reader decided that a change event should say (an emptied file accepted as empty)
     * @param warnings what the layer providers raised, delivered once the load succeeds
     */
    public record Sources(Map<String, Path> files, List<Layer> layers, Set<Path> watched, List<String> notes,
                          List<ConfigWarningEvent> warnings) {
        /** Copies the collections. */
        public Sources {
            files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
            layers = List.copyOf(layers);
            watched = Set.copyOf(watched);
            notes = List.copyOf(notes);
            warnings = List.copyOf(warnings);
        }

        /**
         * The store revisions this read moved to, for the history: what the snapshot holds, not what asked for the
         * reload (a watch's reload requests coalesce, so its cause may name an older revision than the one read).
         *
         * @param before the layers of the snapshot in force, or an empty list for a first load
         * @return one note per revision, such as {@code etcd:/lamina/app/prod/ at revision 42}; empty when no remote
         *         layer's revision changed
         */
        public List<String> revisionNotes(List<Layer> before) {
            Map<String, String> was = new java.util.HashMap<>();
            for (Layer l : before) {
                was.put(l.name(), l.metadata().revision());
            }
            Map<String, List<String>> byRevision = new java.util.LinkedHashMap<>();
            for (Layer l : layers) {
                String rev = l.metadata().revision();
                if (l.metadata().kind() == LayerKind.REMOTE && !rev.isEmpty() && !rev.equals(was.get(l.name()))) {
                    List<String> names = byRevision.get(rev);
                    if (names == null) {
                        names = new ArrayList<>();
                        byRevision.put(rev, names);
                    }
                    names.add(l.name());
                }
            }
            // Loops rather than lambdas on the load path: each lambda is a class spun at run time (cold start).
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : byRevision.entrySet()) {
                out.add(String.join(", ", e.getValue()) + " at revision " + e.getKey());
            }
            return out;
        }

        /**
         * Sources without notes or warnings.
         *
         * @param files   stem to file
         * @param layers  the layers
         * @param watched declared files and directories
         */
        public Sources(Map<String, Path> files, List<Layer> layers, Set<Path> watched) {
            this(files, layers, watched, List.of(), List.of());
        }
    }

    private static final Comparator<LayerProvider> BY_POSITION = new Comparator<>() {
        @Override
        public int compare(LayerProvider a, LayerProvider b) {
            return Integer.compare(a.position(), b.position());
        }
    };

    private final ConfigurationOptions options;
    private final LayerPipeline pipeline;
    // Per manager: a reload re-reads every file but re-parses only those whose bytes changed.
    private final ParsedDocumentCache documents = new ParsedDocumentCache();

    private final List<LayerProvider> providers;
    /** Every file read is refused when not a regular file and bounded by the read timeout. */
    private final FileReads reads;
    private final StableReads stableReads;
    private final DeclarationReads declarations = new DeclarationReads();

    /** @param options the manager's or loader's options */
    public SourceReader(ConfigurationOptions options) {
        this.options = options;
        this.pipeline = new LayerPipeline(options);
        List<LayerProvider> sorted = new ArrayList<>(options.layerProviders());
        if (options.discoverLayerProviders() && options.hasDirectory()) {
            sorted.addAll(discovered(options.layerProviders()));
        }
        // A stable sort: registration order among equal positions. A class, not a lambda (cold start).
        sorted.sort(BY_POSITION);
        this.providers = List.copyOf(sorted);
        this.reads = new FileReads(options.readTimeout());
        this.stableReads = new StableReads(reads, options.quietPeriod());
    }

    /**
     * The providers listed for {@link java.util.ServiceLoader}, except those of a class already registered (the CLI
     * registers the profiles provider with its {@code --profile} names; the discovered one would apply them twice).
     */
    private static List<LayerProvider> discovered(List<LayerProvider> registered) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<LayerProvider> out = new ArrayList<>();
        java.util.Set<Class<?>> seen = new java.util.HashSet<>();
        for (LayerProvider p : registered) {
            seen.add(p.getClass());
        }
        for (LayerProvider p : java.util.ServiceLoader.load(LayerProvider.class,
                loader != null ? loader : LayerProvider.class.getClassLoader())) {
            if (seen.add(p.getClass())) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Reads {@code base.*}, the environment's ancestors' files (root first), {@code <env>.*}, the provider layers
     * and, with an env prefix, the environment variables.
     *
     * @param environment   the environment
     * @param previousFiles the files of the configuration in force, or {@code null} on a fresh load; a file that
     *                      has disappeared since is an error (last good kept), not a silent removal
     * @return the files and layers
     * @throws dev.lamina.config.ConfigException when anything cannot be read or parsed
     */
    public Sources read(String environment, Map<String, Path> previousFiles) {
        Path dir = options.directory();
        if (!Files.isDirectory(dir)) {
            throw new ConfigSourceException(Origin.of(dir.toString()), null,
                    "the configuration directory does not exist or is not a directory");
        }
        // Before anything is parsed: a signed directory that does not verify is never read.
        if (options.requiredSignatureKey().isPresent()) {
            dev.lamina.config.BundleSignature.verify(dir, options.requiredSignatureKey().get());
        }
        Map<String, Path> files = DirectoryLayout.environmentFiles(dir, environment, options.parseLimits(),
                previousFiles, documents, declarations);
        List<Layer> fileLayers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean reload = previousFiles != null;
        List<Path> paths = List.copyOf(files.values());
        List<StableReads.Read> contents = readAllStable(paths, reload);
        for (int i = 0; i < paths.size(); i++) {
            Path file = paths.get(i);
            String name = file.toString();
            Optional<Format> format = Format.fromFileName(file.getFileName().toString());
            if (format.isEmpty()) {
                throw new ConfigSourceException(Origin.of(name), null, "unknown file extension");
            }
            if (contents.get(i).note().isPresent()) {
                notes.add(contents.get(i).note().get());
            }
            fileLayers.add(new Layer(name, documents.parse(name, format.get(), contents.get(i).bytes(),
                    options.parseLimits())));
        }
        Set<Path> watched = new LinkedHashSet<>();
        List<ConfigWarningEvent> warnings = new ArrayList<>();
        List<Layer> layers = assemble(environment, fileLayers, watched, warnings);
        return new Sources(files, layers, watched, notes, warnings);
    }

    /**
     * Reads the configuration files until each one's content is stable, in one hand-over to a helper thread for
     * all of them (a hand-over per file was most of a reload's time); the read timeout bounds the batch. On a
     * reload, a file emptied since its last read is believed only after it stayed empty for the quiet period (see
     * {@link StableReads}). A settled file whose stamp has not changed since it was read is not read again; when
     * no file needs reading, there is no hand-over at all (a reload asked for by a remote source's watch, or an
     * unchanged directory).
     */
    private List<StableReads.Read> readAllStable(List<Path> paths, boolean reload) {
        Object[] out = new Object[paths.size()];
        List<Integer> toRead = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            Optional<byte[]> same = stableReads.unchanged(paths.get(i));
            if (same.isPresent()) {
                out[i] = new StableReads.Read(same.get(), Optional.empty());
            } else {
                toRead.add(i);
            }
        }
        if (!toRead.isEmpty()) {
            java.util.concurrent.atomic.AtomicInteger reading = new java.util.concurrent.atomic.AtomicInteger();
            long max = options.parseLimits().maxDocumentBytes();
            try {
                // A class, not a lambda: the first lambda a process spins costs a cold start the lambda machinery.
                reads.withTimeout(new FileReads.FileWork<Void>() {
                    @Override
                    public Void run() {
                        for (int i : toRead) {
                            reading.set(i);
                            try {
                                out[i] = stableReads.read(paths.get(i), max, reload);
                            } catch (FileReads.Refusal r) {
                                out[i] = r;
                                return null;
                            }
                        }
                        return null;
                    }
                });
            } catch (FileReads.Refusal r) {
                throw refused(paths.get(reading.get()), r);
            }
        }
        List<StableReads.Read> contents = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            if (out[i] instanceof FileReads.Refusal r) {
                throw refused(paths.get(i), r);
            }
            contents.add((StableReads.Read) out[i]);
        }
        return contents;
    }

    /**
     * Reads {@code environments.yaml} for the inheritance chain: as the other files, stable, and not read again
     * while its stamp is unchanged (see {@link StableReads}); an emptied file is taken as it is, as on a first load.
     * A class, not a method reference: the first lambda a process spins costs a cold start the lambda machinery.
     */
    private final class DeclarationReads implements FileReads.Reader {
        @Override
        public byte[] read(Path file, long maxBytes) throws FileReads.Refusal {
            Optional<byte[]> same = stableReads.unchanged(file);
            return same.isPresent() ? same.get() : stableReads.read(file, maxBytes, false).bytes();
        }
    }

    private RuntimeException refused(Path file, FileReads.Refusal r) {
        String name = file.toString();
        if (r.kind() == FileReads.Kind.TOO_LARGE) {
            return dev.lamina.config.internal.parse.Failures.limit(Origin.of(name), null, "document size (more than "
                    + options.parseLimits().maxDocumentBytes() + " bytes)", "maxDocumentBytes",
                    options.parseLimits().maxDocumentBytes());
        }
        return new ConfigSourceException(Origin.of(name), null, r.getMessage(), r.getCause());
    }

    /**
     * Puts the layers of every slot around the file layers, reading added sources and calling providers.
     *
     * @param environment the environment being loaded (empty for a plain loader)
     * @param fileLayers  the layers of the files slot
     * @param watched     receives what providers declare
     * @return every layer, lowest precedence first, without runtime updates
     * @throws dev.lamina.config.ConfigException when a source or provider fails
     */
    public List<Layer> assemble(String environment, List<Layer> fileLayers, Set<Path> watched) {
        // A plain loader has no listeners: the providers' warnings reach their log lines only.
        return assemble(environment, fileLayers, watched, new ArrayList<>());
    }

    /**
     * As {@link #assemble(String, List, Set)}, collecting the providers' warnings.
     *
     * @param environment the environment being loaded
     * @param fileLayers  the layers of the files slot
     * @param watched     receives what providers declare
     * @param warnings    receives what providers raise
     * @return every layer, lowest precedence first, without runtime updates
     * @throws dev.lamina.config.ConfigException when a source or provider fails
     */
    public List<Layer> assemble(String environment, List<Layer> fileLayers, Set<Path> watched,
                                List<ConfigWarningEvent> warnings) {
        List<Layer> layers = new ArrayList<>();
        readAll(SourcePlacement.BELOW_FILES, layers);
        layers.addAll(fileLayers);
        for (LayerProvider provider : providers) {
            List<Layer> below = List.copyOf(layers);
            ProviderContext context = new ProviderContext(environment, options.directory(), options.parseLimits(),
                    below, () -> pipeline.build(below, null, environment), () -> declaration(environment),
                    options.environmentLookup(), documents, watched, reads, warnings);
            List<Layer> contributed = provider.layers(context);
            Objects.requireNonNull(contributed, () -> "LayerProvider " + provider.getClass().getName()
                    + " returned null (return List.of() for no layers)");
            contributed.forEach(l -> layers.add(Objects.requireNonNull(l, () -> "LayerProvider "
                    + provider.getClass().getName() + " returned a null layer")));
        }
        readAll(SourcePlacement.ABOVE_FILES, layers);
        if (options.envPrefix().isPresent()) {
            String prefix = options.envPrefix().get();
            layers.addAll((options.environment().isPresent()
                    ? ConfigSources.environmentVariables(prefix, options.environment().get())
                    : ConfigSources.environmentVariables(prefix)).read(options.parseLimits()));
        }
        readAll(SourcePlacement.ABOVE_ENVIRONMENT_VARIABLES, layers);
        return layers;
    }

    /** @return {@code true} when the options add layers around the files (sources, providers, env vars) */
    public boolean hasSlotsAroundFiles() {
        return !providers.isEmpty() || options.envPrefix().isPresent()
                || java.util.Arrays.stream(SourcePlacement.values()).anyMatch(p -> !options.sources(p).isEmpty());
    }

    private void readAll(SourcePlacement placement, List<Layer> into) {
        for (ConfigSource source : options.sources(placement)) {
            List<Layer> read = source.read(options.parseLimits());
            Objects.requireNonNull(read, () -> "source " + source.name() + " returned null");
            read.forEach(l -> into.add(Objects.requireNonNull(l, () -> "source " + source.name()
                    + " returned a null layer")));
        }
    }

    private Optional<ConfigObject> declaration(String environment) {
        Path dir = options.directory();
        if (environment.isEmpty() || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Optional<Path> file = DirectoryLayout.find(dir, "environments");
        if (file.isEmpty()) {
            return Optional.empty();
        }
        ConfigObject root = FileSource.readFile(file.get(), options.parseLimits(), documents, reads).get(0).root();
        return ProviderContext.entryOf(root, environment);
    }

    /**
     * @param environment  the environment (resolvers and decoders see it)
     * @param sourceLayers the source layers
     * @param runtimeTree  the runtime-updates layer
     * @param extra        layers on top (a tenant overlay), possibly empty
     * @param previous     the configuration the result replaces, whose unchanged subtrees it shares, or
     *                     {@code null}
     * @return the merged and resolved configuration
     * @throws dev.lamina.config.ConfigException when resolution fails
     */
    public Configuration build(String environment, List<Layer> sourceLayers, ConfigObject runtimeTree,
                               List<Layer> extra, Configuration previous) {
        List<Layer> all = new ArrayList<>(sourceLayers.size() + 1 + extra.size());
        all.addAll(sourceLayers);
        if (!runtimeTree.isEmpty()) {
            all.add(new Layer(RUNTIME_LAYER, runtimeTree, RUNTIME));
        }
        all.addAll(extra);
        return pipeline.build(all, previous, environment);
    }

    /**
     * @param layers          every layer, lowest precedence first
     * @param previous        the configuration replaced, or {@code null}
     * @param environmentName the environment, or empty
     * @return the merged and resolved configuration
     * @throws dev.lamina.config.ConfigException when the merge, a decoder or resolution fails
     */
    public Configuration build(List<Layer> layers, Configuration previous, String environmentName) {
        return pipeline.build(layers, previous, environmentName);
    }


    /**
     * @param tenantId a validated tenant id
     * @return the tenant's overlay layers, or empty when {@code tenants/<id>.*} does not exist
     */
    public Optional<List<Layer>> tenantLayers(String tenantId) {
        // A tenant view reads its overlay later than the load: the signature is checked again before it is parsed.
        options.requiredSignatureKey().ifPresent(key -> dev.lamina.config.BundleSignature.verify(options.directory(),
                key));
        Path dir = options.directory().resolve("tenants");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        LayerMetadata tenant = LayerMetadata.of(LayerKind.TENANT, "tenant " + tenantId);
        return DirectoryLayout.find(dir, tenantId).map(f -> FileSource.readFile(f, options.parseLimits(), documents,
                        reads)
                .stream().map(l -> new Layer(l.name(), l.root(), tenant)).toList());
    }
}
