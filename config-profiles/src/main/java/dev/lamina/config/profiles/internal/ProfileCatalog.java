package dev.lamina.config.profiles.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerKind;
import dev.lamina.config.LayerMetadata;
import dev.lamina.config.Origin;
import dev.lamina.config.spi.Suggestions;

/**
 * The profiles one load can use: the built-in deployment and geographic profiles (data files shipped in this
 * module), the user's {@code profiles/<name>.*} and {@code regions/<code>.*} files, which refine a built-in of the
 * same name (names compare case-insensitively, {@code -} and {@code _} equal) or add new ones. One instance per load
 * or per {@code ProfileManager} call; not thread-safe.
 */
public final class ProfileCatalog {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProfileCatalog.class);

    /** Where the built-in data files are. */
    static final String BUILTIN = "/dev/lamina/config/profiles/builtin/";

    /** The built-in deployment profiles, canonical names. */
    public static final List<String> BUILTIN_PROFILES = List.of("high-volume", "low-latency", "high-accuracy",
            "cost-optimized");

    /** The built-in geographic profiles, canonical codes. */
    public static final List<String> BUILTIN_REGIONS = List.of("eu", "us", "uk", "br", "jp", "kr");

    /** A profile's or region's own layers and metadata, without what it extends. */
    public record Resolved(String displayName, String canonical, Optional<String> description, boolean builtIn,
                           List<String> parents, Set<String> frameworks, List<Layer> layers) {
    }

    private enum Kind {
        PROFILE("profile", "profiles", "deployment/", LayerKind.PROFILE, BUILTIN_PROFILES),
        REGION("region", "regions", "regions/", LayerKind.REGION, BUILTIN_REGIONS);

        final String word;
        final String directory;
        final String resources;
        final LayerKind layerKind;
        final List<String> builtIns;

        Kind(String word, String directory, String resources, LayerKind layerKind, List<String> builtIns) {
            this.word = word;
            this.directory = directory;
            this.resources = resources;
            this.layerKind = layerKind;
            this.builtIns = builtIns;
        }
    }

    private final Path baseDirectory;
    private final ProfileFiles files;
    private final Map<Kind, Map<String, Path>> userFiles = new LinkedHashMap<>();
    private final Map<String, Resolved> resolved = new LinkedHashMap<>();

    /**
     * @param baseDirectory the configuration directory, or {@code null} for built-ins only
     * @param files         how to read
     */
    public ProfileCatalog(Path baseDirectory, ProfileFiles files) {
        this.baseDirectory = baseDirectory;
        this.files = files;
    }

    /** @return the canonical names of every deployment and user profile, built-ins first, then sorted */
    public List<String> profileNames() {
        return names(Kind.PROFILE);
    }

    /** @return the canonical codes of every geographic profile, built-ins first, then sorted */
    public List<String> regionNames() {
        return names(Kind.REGION);
    }

    /**
     * A profile and everything it extends, parents first (each once).
     *
     * @param name        the name as written
     * @param activatedAt where it was named, for the error when it does not exist
     * @return the profiles to apply, in order
     * @throws ConfigException if the name (or a parent) is unknown, or {@code extends} forms a cycle
     */
    public List<Resolved> profileWithAncestors(String name, Origin activatedAt) {
        List<Resolved> out = new ArrayList<>();
        expand(Names.canonical(name), name, activatedAt, new ArrayList<>(), new LinkedHashSet<>(), out);
        return out;
    }

    /**
     * @param code        the region code as written ({@code EU}, {@code eu})
     * @param activatedAt where it was named
     * @return the geographic profile
     * @throws ConfigException if the code is unknown, or a region file tries to extend another profile
     */
    public Resolved region(String code, Origin activatedAt) {
        Resolved r = resolve(Kind.REGION, Names.canonical(code), code, activatedAt);
        if (!r.parents().isEmpty()) {
            throw new ConfigException(r.layers().get(r.layers().size() - 1).root().origin(), null,
                    "a geographic profile cannot extend another profile (remove _profile.extends)");
        }
        return r;
    }

    private void expand(String canonical, String written, Origin at, List<String> stack, Set<String> done,
                        List<Resolved> out) {
        if (done.contains(canonical)) {
            return;
        }
        if (stack.contains(canonical)) {
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(canonical), stack.size()));
            cycle.add(canonical);
            List<String> where = new ArrayList<>();
            for (String c : cycle.subList(0, cycle.size() - 1)) {
                Resolved r = resolved.get(Kind.PROFILE + ":" + c);
                where.add(c + " (" + r.layers().get(r.layers().size() - 1).name() + ")");
            }
            throw new ConfigException(at, null, "profiles extend each other in a cycle: " + String.join(" -> ", cycle)
                    + "; files: " + String.join(", ", where) + " (fix: remove one of the 'extends')");
        }
        Resolved r = resolve(Kind.PROFILE, canonical, written, at);
        stack.add(canonical);
        List<ProfileBlock.Reference> refs = parentRefs(r);
        for (ProfileBlock.Reference parent : refs) {
            expand(Names.canonical(parent.name()), parent.name(), parent.origin(), stack, done, out);
        }
        stack.remove(stack.size() - 1);
        done.add(canonical);
        out.add(r);
    }

    private final Map<String, List<ProfileBlock.Reference>> parentRefs = new LinkedHashMap<>();

    private List<ProfileBlock.Reference> parentRefs(Resolved r) {
        return parentRefs.getOrDefault(r.canonical(), List.of());
    }

    private Resolved resolve(Kind kind, String canonical, String written, Origin at) {
        String key = kind + ":" + canonical;
        Resolved cached = resolved.get(key);
        if (cached != null) {
            return cached;
        }
        boolean builtIn = kind.builtIns.contains(canonical);
        Path user = userFiles(kind).get(canonical);
        if (!builtIn && user == null) {
            List<String> known = names(kind);
            throw new ConfigException(at, null, "unknown " + kind.word + " '" + written + "'; known: "
                    + String.join(", ", known) + Suggestions.didYouMean(Names.canonical(written), known));
        }
        String display = builtIn
                ? (kind == Kind.PROFILE ? canonical.toUpperCase(Locale.ROOT).replace('-', '_')
                        : canonical.toUpperCase(Locale.ROOT))
                : (kind == Kind.REGION ? canonical.toUpperCase(Locale.ROOT) : Names.stem(user.getFileName().toString()));
        LayerMetadata metadata = LayerMetadata.of(kind.layerKind, kind.word + " " + display);
        List<Layer> layers = new ArrayList<>();
        Optional<String> description = Optional.empty();
        Set<String> frameworks = new LinkedHashSet<>();
        List<ProfileBlock.Reference> parents = new ArrayList<>();
        if (builtIn) {
            String resource = kind.resources + canonical + ".yaml";
            ProfileBlock block = ProfileBlock.read(files.parseYaml("builtin:" + resource, builtInBytes(resource)));
            layers.add(new Layer("builtin:" + resource, block.tree(), metadata));
            description = block.description();
            frameworks.addAll(block.frameworks());
            parents.addAll(block.parents());
        }
        if (user != null) {
            ProfileBlock block = ProfileBlock.read(files.parse(user));
            layers.add(new Layer(user.toString(), block.tree(), metadata));
            if (block.description().isPresent()) {
                description = block.description();
            }
            frameworks.addAll(block.frameworks());
            parents.addAll(block.parents());
        }
        parentRefs.put(canonical, List.copyOf(parents));
        Resolved r = new Resolved(display, canonical, description, builtIn,
                parents.stream().map(ProfileBlock.Reference::name).toList(),
                java.util.Collections.unmodifiableSet(frameworks), List.copyOf(layers));
        resolved.put(key, r);
        return r;
    }

    private List<String> names(Kind kind) {
        List<String> out = new ArrayList<>(kind.builtIns);
        new TreeSet<>(userFiles(kind).keySet()).stream().filter(n -> !out.contains(n)).forEach(out::add);
        return out;
    }

    private Map<String, Path> userFiles(Kind kind) {
        Map<String, Path> found = userFiles.get(kind);
        if (found != null) {
            return found;
        }
        found = new LinkedHashMap<>();
        if (baseDirectory != null) {
            for (Path file : files.list(baseDirectory.resolve(kind.directory))) {
                String stem = Names.stem(file.getFileName().toString());
                if (!Names.VALID.matcher(stem).matches()) {
                    // No name can select it; say so instead of failing every load for a file nobody asked for.
                    LOG.warn("Ignoring {}: a {} name must be {}", file, kind.word, Names.RULE);
                    continue;
                }
                Path clash = found.put(Names.canonical(stem), file);
                if (clash != null) {
                    throw new ConfigSourceException(Origin.of(file.toString()), null, clash.getFileName() + " and "
                            + file.getFileName() + " both define " + kind.word + " '" + Names.canonical(stem)
                            + "' (names compare ignoring case, with '-' and '_' equal); keep one of them");
                }
            }
        }
        userFiles.put(kind, found);
        return found;
    }

    private static byte[] builtInBytes(String resource) {
        try (InputStream in = ProfileCatalog.class.getResourceAsStream(BUILTIN + resource)) {
            if (in == null) {
                throw new ConfigSourceException(Origin.of("builtin:" + resource), null,
                        "the built-in profile is missing from the config-profiles jar (a broken build)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of("builtin:" + resource), null,
                    "cannot read the built-in profile (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
