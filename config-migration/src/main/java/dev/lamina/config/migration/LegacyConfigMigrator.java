package dev.lamina.config.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Format;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.RenderFormat;
import dev.lamina.config.ScalarType;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.migration.internal.IniReader;
import dev.lamina.config.migration.internal.MappingRules;
import dev.lamina.config.migration.internal.PropertiesReader;
import dev.lamina.config.migration.internal.RawEntry;
import dev.lamina.config.migration.internal.SpringNames;
import dev.lamina.config.migration.internal.TreeAssembler;

/**
 * Turns legacy configuration files into a Lamina configuration directory (see {@code docs/migration.md}):
 * {@code .properties}, INI ({@code .ini}, {@code .cfg}) and {@code .env} files become one {@code base.yaml};
 * Spring Boot's {@code application.yml}/{@code application.properties} and {@code application-<profile>.*} become
 * {@code base.yaml} plus one {@code <profile>.yaml} per profile ({@code docs/migration-spring-boot.md}). Each key
 * keeps its legacy file, line and column as a YAML comment; an optional mapping file renames keys
 * ({@code old.key -> new.path}). The result is checked by parsing it back before it is returned. Immutable and
 * thread-safe.
 */
public final class LegacyConfigMigrator {

    private static final SecretPolicy KEEP_VALUES = SecretPolicy.none();
    private static final Pattern SPRING_FILE = Pattern.compile("application(?:-([A-Za-z0-9_-]+))?\\."
            + "(yml|yaml|properties)");
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Set<String> RESERVED = Set.of("base", "environments", "schema");
    private static final Pattern YAML_SEPARATOR = Pattern.compile("(?m)^---[ \\t]*(#.*)?$");
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final MappingRules mapping;

    private LegacyConfigMigrator(MappingRules mapping) {
        this.mapping = mapping;
    }

    /** @return a migrator without a mapping file */
    public static LegacyConfigMigrator create() {
        return new LegacyConfigMigrator(MappingRules.none());
    }

    /**
     * @param mappingFile a file of {@code old.key -> new.path} rules ({@code #} comments; {@code *} one segment, a
     *                    final {@code **} the rest)
     * @return a migrator that renames keys by those rules
     * @throws ConfigException if the file cannot be read, a rule is malformed, two rules share an old key, or rules
     *                         form a cycle
     */
    public static LegacyConfigMigrator withMapping(Path mappingFile) {
        return new LegacyConfigMigrator(MappingRules.parse(mappingFile.toString(), read(mappingFile)));
    }

    /**
     * @param name the mapping's name, for messages
     * @param text the rules
     * @return a migrator that renames keys by those rules
     * @throws ConfigException as {@link #withMapping(Path)}
     */
    public static LegacyConfigMigrator withMapping(String name, String text) {
        return new LegacyConfigMigrator(MappingRules.parse(name, text));
    }

    /**
     * Migrates one legacy file, its format chosen by extension ({@code .properties}, {@code .ini}/{@code .cfg},
     * {@code .env}); the product's {@code migrate_from_legacy(path)}.
     *
     * @param file the file
     * @return {@code base.yaml}
     * @throws ConfigException if the file cannot be read or parsed, has an unknown extension, or keys clash (the
     *                         message names both lines and suggests a rule such as {@code a -> a._value})
     */
    public Migration migrateFromLegacy(Path file) {
        return migrate(List.of(file));
    }

    /**
     * Migrates legacy files into one {@code base.yaml}; a later file's keys replace an earlier one's.
     *
     * @param files the files, in precedence order (lowest first)
     * @return {@code base.yaml}
     * @throws ConfigException as {@link #migrateFromLegacy(Path)}
     */
    public Migration migrate(List<Path> files) {
        return migrate(files, null);
    }

    /**
     * Migrates legacy files of one format into one {@code base.yaml}, whatever their extensions; a later file's
     * keys replace an earlier one's.
     *
     * @param files  the files, in precedence order (lowest first)
     * @param format how to read them, or {@code null} to choose by each file's extension
     * @return {@code base.yaml}
     * @throws ConfigException as {@link #migrateFromLegacy(Path)}
     */
    public Migration migrate(List<Path> files, LegacyFormat format) {
        TreeAssembler tree = new TreeAssembler();
        List<String> notes = new ArrayList<>();
        int document = 0;
        for (Path file : files) {
            LegacyFormat f = format != null ? format : LegacyFormat.of(file).orElseThrow(() ->
                    new ConfigSourceException(Origin.of(file.toString()), null, "unknown legacy format; migrate "
                            + ".properties, .ini, .cfg or .env files (Spring Boot files with migrateSpringBoot)"));
            String text = read(file);
            List<RawEntry> entries = switch (f) {
                case PROPERTIES -> PropertiesReader.read(file.toString(), text).stream().flatMap(List::stream).toList();
                case INI -> IniReader.read(file.toString(), text);
                case ENV -> envEntries(file.toString(), text);
            };
            boolean templates = f != LegacyFormat.ENV; // .env values are Lamina templates already
            for (RawEntry e : entries) {
                ConfigNode value = e.value();
                if (templates && value instanceof ConfigScalar s) {
                    value = new ConfigScalar(SpringNames.template(s.text(), n -> notes.add(where(e) + n)),
                            ScalarType.STRING, s.origin());
                }
                List<String> segments = SpringNames.split(e.key()).stream()
                        .map(seg -> seg.startsWith("[") && seg.endsWith("]") ? seg.substring(1, seg.length() - 1) : seg)
                        .toList();
                put(tree, e.key(), segments, value, e.origin(), document);
            }
            document++;
        }
        Map<String, ConfigObject> trees = new LinkedHashMap<>();
        trees.put("base.yaml", tree.build(Origin.UNKNOWN));
        return finish(trees, notes, files);
    }

    /**
     * Migrates Spring Boot files to a Lamina directory: documents without a profile condition go to
     * {@code base.yaml}; a document with {@code spring.config.activate.on-profile} (or the older
     * {@code spring.profiles}) of {@code p}, {@code p | q} or {@code p, q}, and {@code application-p.*}, go to
     * {@code p.yaml} (and {@code q.yaml}); expressions with {@code &} or {@code !} cannot be a static file and are
     * reported in the notes, as are {@code ${random.*}} values and the {@code spring.profiles.*} /
     * {@code spring.config.*} keys, which have no Lamina meaning. Names are normalised to kebab case,
     * {@code ${VAR:default}} becomes {@code ${VAR:-default}}, {@code ${other.key}} becomes {@code ${ref:other.key}},
     * and lists are carried whole (a profile's list replaces the base one, as Spring's binder does).
     *
     * @param files {@code application.yml|yaml|properties} and {@code application-<profile>.*} files, any order
     * @return the files of the directory
     * @throws ConfigException if a file is not a Spring application file, cannot be parsed, or keys clash within a
     *                         document
     */
    public Migration migrateSpringBoot(List<Path> files) {
        List<Path> ordered = new ArrayList<>(files);
        // Spring reads application.* before the profile files, which win.
        ordered.sort((a, b) -> Boolean.compare(profileOf(a).isPresent(), profileOf(b).isPresent()));
        Map<String, TreeAssembler> targets = new LinkedHashMap<>();
        targets.put("", new TreeAssembler()); // "" is base: no profile can be named so
        List<String> notes = new ArrayList<>();
        int document = 0;
        for (Path file : ordered) {
            Optional<String> fileProfile = profileOf(file);
            for (Document doc : documents(file)) {
                document++;
                Set<String> profiles = new LinkedHashSet<>();
                Optional<String> condition = doc.condition();
                if (condition.isPresent()) {
                    Optional<List<String>> names = staticProfiles(condition.get());
                    if (names.isEmpty()) {
                        notes.add(doc.origin().describe() + ": the document for profiles '" + condition.get()
                                + "' is not migrated: a profile expression with '&', '!' or parentheses has no static "
                                + "Lamina equivalent (environments are single names); its keys: "
                                + String.join(", ", doc.keys()));
                        continue;
                    }
                    profiles.addAll(names.get());
                }
                if (fileProfile.isPresent()) {
                    if (!profiles.isEmpty() && !profiles.equals(Set.of(fileProfile.get()))) {
                        notes.add(doc.origin().describe() + ": a document for '" + condition.orElse("") + "' inside "
                                + file.getFileName() + " applies only when both are active; not migrated");
                        continue;
                    }
                    profiles = Set.of(fileProfile.get());
                }
                if (profiles.isEmpty()) {
                    profiles = Set.of("");
                }
                for (String p : profiles) {
                    if (!p.isEmpty() && (!ENVIRONMENT.matcher(p).matches() || RESERVED.contains(p)
                            || p.equals("default"))) {
                        notes.add(doc.origin().describe() + ": profile '" + p + "' cannot be a Lamina environment name"
                                + " (a letter or digit, then letters, digits, '_' or '-'; not base, environments, "
                                + "schema or default); its document is not migrated");
                        continue;
                    }
                    TreeAssembler tree = targets.computeIfAbsent(p, k -> new TreeAssembler());
                    for (DocEntry e : doc.entries()) {
                        ConfigNode value = springValue(e.value(), n -> notes.add(e.origin().describe() + ": " + n));
                        put(tree, e.key(), e.segments(), value, e.origin(), document);
                    }
                }
                notes.addAll(doc.dropped());
            }
        }
        Map<String, ConfigObject> trees = new LinkedHashMap<>();
        targets.forEach((p, t) -> {
            if (p.isEmpty() || !t.isEmpty()) {
                trees.put((p.isEmpty() ? "base" : p) + ".yaml", t.build(Origin.UNKNOWN));
            }
        });
        return finish(trees, notes, files);
    }

    private void put(TreeAssembler tree, String key, List<String> segments, ConfigNode value, Origin origin,
                     int document) {
        String dotted = String.join(".", segments);
        Optional<MappingRules.Renamed> renamed = mapping.apply(dotted);
        ConfigPath path;
        try {
            path = renamed.isPresent() ? ConfigPath.parse(renamed.get().key()) : ConfigPath.of(segments);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(renamed.map(MappingRules.Renamed::rule).orElse(origin), null, "'"
                    + renamed.map(MappingRules.Renamed::key).orElse(dotted) + "' is not a config path (empty "
                    + "segment); fix the key or the mapping rule");
        }
        if (path.isRoot() || path.segments().stream().anyMatch(String::isEmpty)) {
            throw new ConfigException(origin, null, "key '" + key + "' has an empty segment; rename it with a "
                    + "mapping rule");
        }
        tree.put(path, value, key, origin, document);
    }

    private Migration finish(Map<String, ConfigObject> trees, List<String> notes, List<Path> files) {
        Map<String, String> texts = new LinkedHashMap<>();
        StringBuilder from = new StringBuilder();
        for (Path f : files) {
            from.append(from.length() == 0 ? "" : ", ").append(f.getFileName());
        }
        trees.forEach((name, tree) -> {
            String yaml = "# Migrated from " + from + " by Lamina; each key's comment is where the legacy file "
                    + "set it.\n" + (tree.isEmpty() ? "{}\n" : ConfigRenderer.render(tree, KEEP_VALUES,
                    RenderFormat.YAML, ConfigRenderer.Options.defaults().withOrigins(true)));
            validate(name, yaml, tree);
            texts.put(name, yaml);
        });
        return new Migration(trees, texts, notes);
    }

    /** The written YAML must parse (strictly, as Lamina loads it) to the same values. */
    private static void validate(String name, String yaml, ConfigObject tree) {
        ConfigObject back = ConfigDocuments.parse(name, Format.YAML, yaml, ParseLimits.DEFAULTS);
        Map<String, String> want = new TreeMap<>();
        Map<String, String> got = new TreeMap<>();
        flatten(tree, ConfigPath.root(), want);
        flatten(back, ConfigPath.root(), got);
        if (!want.equals(got)) {
            throw new IllegalStateException("the migrated " + name + " does not read back to the migrated values; "
                    + "this is a bug in the migrator (paths " + diff(want, got) + ")");
        }
    }

    private static String diff(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new LinkedHashSet<>();
        a.forEach((k, v) -> {
            if (!v.equals(b.get(k))) {
                keys.add(k);
            }
        });
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
        return String.join(", ", keys);
    }

    private static void flatten(ConfigNode n, ConfigPath at, Map<String, String> out) {
        if (n instanceof ConfigObject o && !o.isEmpty()) {
            o.entries().forEach((k, v) -> flatten(v, at.child(k), out));
        } else if (n instanceof ConfigList l && l.size() > 0) {
            for (int i = 0; i < l.size(); i++) {
                flatten(l.items().get(i), at.child(i), out);
            }
        } else if (n instanceof ConfigScalar s) {
            out.put(at.toString(), s.text());
        } else {
            out.put(at.toString(), n.kindName());
        }
    }

    private static List<RawEntry> envEntries(String source, String text) {
        ConfigObject root = ConfigDocuments.parse(source, Format.ENV, text, ParseLimits.DEFAULTS);
        List<RawEntry> out = new ArrayList<>();
        collect(root, ConfigPath.root(), out);
        out.sort(java.util.Comparator.comparingInt(e -> e.origin().line()));
        return out;
    }

    private static void collect(ConfigNode n, ConfigPath at, List<RawEntry> out) {
        if (n instanceof ConfigObject o && !o.isEmpty()) {
            o.entries().forEach((k, v) -> collect(v, at.child(k), out));
        } else if (n instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                collect(l.items().get(i), at.child(i), out);
            }
        } else {
            out.add(new RawEntry(String.join(".", at.segments()), n, n.origin()));
        }
    }

    private static String where(RawEntry e) {
        return e.origin().describe() + ": ";
    }

    // ---- Spring Boot ----

    private record DocEntry(String key, List<String> segments, ConfigNode value, Origin origin) {
    }

    private record Document(Origin origin, Optional<String> condition, List<DocEntry> entries, List<String> dropped) {
        List<String> keys() {
            return entries.stream().map(e -> String.join(".", e.segments())).toList();
        }
    }

    private static Optional<String> profileOf(Path file) {
        Matcher m = SPRING_FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new ConfigSourceException(Origin.of(file.toString()), null, "not a Spring Boot application file "
                    + "(application.yml, application.yaml, application.properties or application-<profile>.*)");
        }
        return Optional.ofNullable(m.group(1));
    }

    private List<Document> documents(Path file) {
        String text = read(file);
        String source = file.toString();
        List<Document> docs = new ArrayList<>();
        if (file.getFileName().toString().endsWith(".properties")) {
            for (List<RawEntry> entries : PropertiesReader.read(source, text)) {
                List<DocEntry> flat = new ArrayList<>();
                for (RawEntry e : entries) {
                    flat.add(new DocEntry(e.key(), SpringNames.segments(e.key()), e.value(), e.origin()));
                }
                if (!flat.isEmpty()) {
                    docs.add(document(flat, flat.get(0).origin()));
                }
            }
            return docs;
        }
        Matcher m = YAML_SEPARATOR.matcher(text);
        int start = 0;
        int startLine = 1;
        List<int[]> chunks = new ArrayList<>();
        while (m.find()) {
            chunks.add(new int[] {start, m.start(), startLine});
            startLine = lineAt(text, m.end()) + 1;
            start = Math.min(text.length(), m.end() + 1);
        }
        chunks.add(new int[] {start, text.length(), startLine});
        for (int[] c : chunks) {
            String body = text.substring(c[0], Math.max(c[0], c[1]));
            if (body.isBlank() || body.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
                continue;
            }
            // Blank lines in front keep every origin's line number that of the whole file.
            ConfigObject root = ConfigDocuments.parse(source, Format.YAML, "\n".repeat(c[2] - 1) + body,
                    ParseLimits.DEFAULTS);
            List<DocEntry> flat = new ArrayList<>();
            flattenSpring(root, List.of(), "", flat);
            if (!flat.isEmpty()) {
                docs.add(document(flat, new Origin(source, c[2], 1)));
            }
        }
        return docs;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void flattenSpring(ConfigObject o, List<String> prefix, String keyPrefix, List<DocEntry> out) {
        for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
            List<String> segs = new ArrayList<>(prefix);
            segs.addAll(SpringNames.split(e.getKey()));
            String key = keyPrefix.isEmpty() ? e.getKey() : keyPrefix + "." + e.getKey();
            if (e.getValue() instanceof ConfigObject child && !child.isEmpty()) {
                flattenSpring(child, segs, key, out);
            } else {
                out.add(new DocEntry(key, SpringNames.canonical(segs), e.getValue(), e.getValue().origin()));
            }
        }
    }

    /** Takes the profile condition and the keys with no Lamina meaning out of a document's entries. */
    private static Document document(List<DocEntry> flat, Origin origin) {
        Optional<String> condition = Optional.empty();
        List<DocEntry> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (DocEntry e : flat) {
            String path = String.join(".", e.segments());
            if (path.equals("spring.config.activate.on-profile") || path.equals("spring.profiles")) {
                condition = Optional.of(conditionText(e.value()));
            } else if (path.startsWith("spring.config.activate.")) {
                dropped.add(e.origin().describe() + ": " + path + " has no Lamina equivalent; the document is migrated"
                        + " as if it always applied");
            } else if (path.startsWith("spring.profiles.") || path.startsWith("spring.config.")) {
                dropped.add(e.origin().describe() + ": " + path + " is dropped: choose the environment with --env "
                        + "(or CONFIG_ENVIRONMENT) and declare inheritance in environments.yaml");
            } else {
                kept.add(e);
            }
        }
        return new Document(origin, condition, kept, dropped);
    }

    private static String conditionText(ConfigNode n) {
        if (n instanceof ConfigList l) {
            List<String> parts = new ArrayList<>();
            l.items().forEach(i -> parts.add(i instanceof ConfigScalar s ? s.text() : i.kindName()));
            return String.join(",", parts);
        }
        return n instanceof ConfigScalar s ? s.text() : n.kindName();
    }

    /** {@code p}, {@code p | q}, {@code p, q}: the profiles any of which activates the document; else empty. */
    static Optional<List<String>> staticProfiles(String expression) {
        List<String> out = new ArrayList<>();
        for (String element : expression.split(",")) {
            for (String alt : element.split("\\|")) {
                String name = alt.strip();
                if (!PROFILE_NAME.matcher(name).matches()) {
                    return Optional.empty();
                }
                out.add(name);
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private static ConfigNode springValue(ConfigNode n, Consumer<String> note) {
        if (n instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            return new ConfigScalar(SpringNames.template(s.text(), note), ScalarType.STRING, s.origin());
        }
        if (n instanceof ConfigList l) {
            List<ConfigNode> items = new ArrayList<>();
            l.items().forEach(i -> items.add(springValue(i, note)));
            return new ConfigList(items, l.origin());
        }
        if (n instanceof ConfigObject o) {
            Map<String, ConfigNode> out = new LinkedHashMap<>();
            o.entries().forEach((k, v) -> out.put(String.join(".", SpringNames.segments(k)), springValue(v, note)));
            return new ConfigObject(out, o.origin());
        }
        return n;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of(file.toString()), null, "cannot read the file ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
