package dev.lamina.config.overrides.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerKind;
import dev.lamina.config.LayerMetadata;
import dev.lamina.config.Origin;
import dev.lamina.config.overrides.ConditionContext;
import dev.lamina.config.overrides.ConditionResult;
import dev.lamina.config.overrides.OverrideFile;
import dev.lamina.config.overrides.OverrideStatus;
import dev.lamina.config.spi.Suggestions;

/**
 * The override files of one directory for one load: which exist, what the selection pulls in through
 * {@code depends_on} (cycles and unknown names rejected), which apply, and in which order (dependencies first, then
 * by priority, ties by name). Not thread-safe: one per load.
 */
public final class OverrideCatalog {

    /** A name selected, and where. */
    public record Selected(String name, Origin origin) {
    }

    /**
     * The outcome of a selection.
     *
     * @param applied  the overrides to apply, in order
     * @param statuses every override file in the directory, with whether it was selected and why it applies or not
     */
    public record Plan(List<OverrideFile> applied, List<OverrideStatus> statuses) {
        /** @return the layers of the applied overrides, in order */
        public List<Layer> layers() {
            return applied.stream().map(OverrideFile::layer).toList();
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OverrideCatalog.class);

    private final Path directory;
    private final Function<Path, List<Path>> lister;
    private final Function<Path, ConfigObject> parser;
    private Map<String, Path> files;
    private final Map<String, OverrideFile> loaded = new HashMap<>();
    private final Map<String, List<MetadataReader.Named>> dependencies = new HashMap<>();

    /**
     * @param directory the overrides directory
     * @param lister    lists its configuration files (sorted)
     * @param parser    parses one through core's hardened parsers
     */
    public OverrideCatalog(Path directory, Function<Path, List<Path>> lister, Function<Path, ConfigObject> parser) {
        this.directory = directory;
        this.lister = lister;
        this.parser = parser;
    }

    /** @return canonical name to file, sorted by name */
    public Map<String, Path> files() {
        if (files == null) {
            Map<String, Path> found = new java.util.TreeMap<>();
            for (Path file : lister.apply(directory)) {
                String name = file.getFileName().toString();
                String stem = name.substring(0, name.lastIndexOf('.'));
                if (!MetadataReader.NAME.matcher(stem).matches()) {
                    // No name can select it; say so instead of failing every load for a file nobody asked for.
                    LOG.warn("Ignoring {}: an override name must be a letter or digit followed by at most 63 "
                            + "letters, digits, '_' or '-'", file);
                    continue;
                }
                Path clash = found.put(canonical(stem), file);
                if (clash != null) {
                    throw new ConfigSourceException(Origin.of(file.toString()), null, clash.getFileName() + " and "
                            + file.getFileName() + " both define override '" + canonical(stem) + "'; keep one of them");
                }
            }
            files = found;
        }
        return files;
    }

    /**
     * @param name a name as written
     * @return the form names compare in: lower case, {@code _} as {@code -}
     */
    public static String canonical(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param name an override's name
     * @param at   where it was named, for the error
     * @return the file, read and checked
     * @throws ConfigException if it does not exist or is malformed
     */
    public OverrideFile load(String name, Origin at) {
        String key = canonical(name);
        OverrideFile cached = loaded.get(key);
        if (cached != null) {
            return cached;
        }
        Path file = files().get(key);
        if (file == null) {
            List<String> known = new ArrayList<>(files().keySet());
            throw new ConfigException(at, null, "unknown override '" + name + "'; known in " + directory + ": "
                    + (known.isEmpty() ? "none" : String.join(", ", known)) + Suggestions.didYouMean(key, known));
        }
        MetadataReader.Read read = MetadataReader.read(parser.apply(file));
        String stem = file.getFileName().toString();
        stem = stem.substring(0, stem.lastIndexOf('.'));
        LayerMetadata metadata = new LayerMetadata(LayerKind.OVERRIDE, "override " + stem + " (priority "
                + read.metadata().priority() + ")", read.metadata().priority(), "");
        OverrideFile loadedFile = new OverrideFile(stem, file, read.metadata(),
                new Layer(file.toString(), read.configuration(), metadata));
        loaded.put(key, loadedFile);
        dependencies.put(key, read.dependsOn());
        return loadedFile;
    }

    /**
     * @param selected the names selected, in order
     * @param context  what conditions are tested against (built only if a condition needs it)
     * @return what applies, in order, and the status of every file
     * @throws ConfigException if a name is unknown, a file is malformed, or {@code depends_on} cycles
     */
    public Plan plan(List<Selected> selected, Supplier<ConditionContext> context) {
        Map<String, OverrideFile> closure = new LinkedHashMap<>();
        for (Selected s : selected) {
            collect(canonical(s.name()), s.name(), s.origin(), new ArrayList<>(), closure);
        }
        ConditionContext ctx = null;
        Map<String, ConditionResult> results = new LinkedHashMap<>();
        for (Map.Entry<String, OverrideFile> e : closure.entrySet()) {
            if (e.getValue().metadata().conditions().isEmpty()) {
                results.put(e.getKey(), new ConditionResult(true, List.of()));
            } else {
                if (ctx == null) {
                    ctx = context.get();
                }
                results.put(e.getKey(), Conditions.evaluate(e.getValue().metadata().conditions(), ctx));
            }
        }
        Map<String, ConditionResult> effective = new LinkedHashMap<>();
        for (String key : closure.keySet()) {
            effective(key, results, effective);
        }
        List<OverrideFile> order = order(closure, effective);
        List<OverrideStatus> statuses = new ArrayList<>();
        for (Map.Entry<String, Path> f : files().entrySet()) {
            boolean isSelected = closure.containsKey(f.getKey());
            OverrideFile file = isSelected ? closure.get(f.getKey()) : load(f.getKey(), Origin.of(f.getValue().toString()));
            ConditionResult r;
            if (isSelected) {
                r = effective.get(f.getKey());
            } else if (file.metadata().conditions().isEmpty()) {
                r = new ConditionResult(true, List.of());
            } else {
                if (ctx == null) {
                    ctx = context.get();
                }
                r = Conditions.evaluate(file.metadata().conditions(), ctx);
            }
            statuses.add(new OverrideStatus(file.name(), file.file().toString(), file.metadata().priority(),
                    file.metadata().dependsOn(), isSelected, r, isSelected && r.applies(),
                    file.metadata().description().orElse("")));
        }
        return new Plan(order, statuses);
    }

    /**
     * @param name an override's name
     * @param at   where it was named
     * @return the override and what it depends on, dependencies first, each once, conditions not tested
     * @throws ConfigException if a name is unknown, a file is malformed, or {@code depends_on} cycles
     */
    public List<OverrideFile> withDependencies(String name, Origin at) {
        Map<String, OverrideFile> closure = new LinkedHashMap<>();
        collect(canonical(name), name, at, new ArrayList<>(), closure);
        return List.copyOf(closure.values());
    }

    private void collect(String key, String written, Origin at, List<String> stack, Map<String, OverrideFile> out) {
        if (stack.contains(key)) {
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(key), stack.size()));
            cycle.add(key);
            List<String> where = cycle.subList(0, cycle.size() - 1).stream()
                    .map(k -> k + " (" + loaded.get(k).file() + ")").toList();
            throw new ConfigException(at, null, "overrides depend on each other in a cycle: "
                    + String.join(" -> ", cycle) + "; files: " + String.join(", ", where)
                    + " (fix: remove one of the 'depends_on')");
        }
        if (out.containsKey(key)) {
            return;
        }
        OverrideFile file = load(written, at);
        stack.add(key);
        for (MetadataReader.Named dep : dependencies.get(key)) {
            collect(canonical(dep.name()), dep.name(), dep.origin(), stack, out);
        }
        stack.remove(stack.size() - 1);
        out.put(key, file);
    }

    private ConditionResult effective(String key, Map<String, ConditionResult> own, Map<String, ConditionResult> out) {
        ConditionResult done = out.get(key);
        if (done != null) {
            return done;
        }
        List<String> reasons = new ArrayList<>(own.get(key).reasons());
        for (MetadataReader.Named dep : dependencies.get(key)) {
            ConditionResult d = effective(canonical(dep.name()), own, out);
            if (!d.applies()) {
                reasons.add("depends on " + dep.name() + ", which does not apply (" + d.describe() + ")");
            }
        }
        ConditionResult r = new ConditionResult(reasons.isEmpty(), reasons);
        out.put(key, r);
        return r;
    }

    /** Dependencies first; among overrides ready to apply, lower priority first, ties by name. */
    private List<OverrideFile> order(Map<String, OverrideFile> closure, Map<String, ConditionResult> effective) {
        Map<String, Set<String>> waitingOn = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (String key : closure.keySet()) {
            if (!effective.get(key).applies()) {
                continue;
            }
            Set<String> deps = new LinkedHashSet<>();
            for (MetadataReader.Named d : dependencies.get(key)) {
                deps.add(canonical(d.name()));
                dependents.computeIfAbsent(canonical(d.name()), k -> new ArrayList<>()).add(key);
            }
            waitingOn.put(key, deps);
        }
        PriorityQueue<OverrideFile> ready = new PriorityQueue<>(Comparator
                .comparingInt((OverrideFile f) -> f.metadata().priority()).thenComparing(f -> canonical(f.name())));
        waitingOn.forEach((k, deps) -> {
            if (deps.isEmpty()) {
                ready.add(closure.get(k));
            }
        });
        List<OverrideFile> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            OverrideFile next = ready.poll();
            out.add(next);
            for (String dependent : dependents.getOrDefault(canonical(next.name()), List.of())) {
                Set<String> deps = waitingOn.get(dependent);
                deps.remove(canonical(next.name()));
                if (deps.isEmpty()) {
                    ready.add(closure.get(dependent));
                }
            }
        }
        return out;
    }
}
