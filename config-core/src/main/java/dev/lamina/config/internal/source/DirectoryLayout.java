package dev.lamina.config.internal.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Format;
import dev.lamina.config.Origin;
import dev.lamina.config.internal.parse.DocumentParsing;
import dev.lamina.config.ParseLimits;

/**
 * The configuration directory's conventions: which file holds an environment ({@code <name>.yaml}, …), and the
 * inheritance declared in {@code environments.yaml}.
 */
public final class DirectoryLayout {

    /** Files by name. A class, not a lambda: every load lists the directory, and a lambda costs a cold start. */
    private static final java.util.Comparator<Path> BY_FILE_NAME = new java.util.Comparator<>() {
        @Override
        public int compare(Path a, Path b) {
            return a.getFileName().toString().compareTo(b.getFileName().toString());
        }
    };

    /** Environment names and tenant ids: a letter or digit, then up to 63 letters, digits, {@code _} or {@code -}. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** The rule in words, for messages. */
    public static final String NAME_RULE = "a letter or digit followed by at most 63 letters, digits, '_' or '-'";

    /** File stems with a meaning of their own, which are never environments. */
    public static final Set<String> RESERVED = Set.of("base", "environments", "schema");

    private static final int MAX_CHAIN = 32;

    /**
     * The keys of an environment's entry in {@code environments.yaml}: {@code extends} is read here; the others are
     * read by the layer providers that use them (profiles, the geographic region, override files), through
     * {@code LayerContext.environmentDeclaration()}, which check their values.
     */
    public static final List<String> ENTRY_KEYS = List.of("extends", "profiles", "region", "overrides");

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryLayout.class);

    private DirectoryLayout() {
    }

    /**
     * @param kind {@code environment} or {@code tenant id}, for the message
     * @param name the name to check
     * @return the name
     * @throws IllegalArgumentException if the name breaks {@link #NAME_RULE}; the message names the rule
     */
    public static String checkName(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid " + kind + " '" + (name == null ? "null" : sanitize(name))
                    + "': it must be " + NAME_RULE + " (so it cannot name a file outside the configuration directory)");
        }
        if (kind.equals("environment") && RESERVED.contains(name)) {
            throw new IllegalArgumentException("invalid environment '" + name + "': " + String.join(", ",
                    new java.util.TreeSet<>(RESERVED)) + " are reserved file names in a configuration directory");
        }
        return name;
    }

    private static String sanitize(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /**
     * Finds the one file holding a stem in any format Lamina reads.
     *
     * @param dir  the directory
     * @param stem {@code base}, an environment name or a tenant id
     * @return the file, or empty when there is none
     * @throws ConfigSourceException if two files hold the same stem ({@code base.yaml} and {@code base.json})
     */
    public static Optional<Path> find(Path dir, String stem) {
        return find(dir, stem, Listing.of(dir));
    }

    private static Optional<Path> find(Path dir, String stem, Listing listing) {
        List<Path> found = new ArrayList<>();
        for (Format f : Format.values()) {
            for (String ext : f.extensions()) {
                String name = stem + "." + ext;
                if (listing.mayHold(name)) {
                    Path p = dir.resolve(name);
                    if (Files.isRegularFile(p)) {
                        found.add(p);
                    } else if (Files.exists(p) && !Files.isDirectory(p)) {
                        // Opening a FIFO blocks until someone writes to it; skipping it would drop its keys
                        // without a word. Refuse it by name instead.
                        throw new ConfigSourceException(Origin.of(p.toString()), null, "is not a regular file (a "
                                + "FIFO, socket or device); refusing to read it (fix: replace it with a regular "
                                + "file or remove it)");
                    }
                }
            }
        }
        if (found.size() > 1) {
            throw new ConfigSourceException(Origin.of(dir.toString()), null, "ambiguous configuration: "
                    + found.stream().map(p -> p.getFileName().toString()).sorted()
                            .collect(java.util.stream.Collectors.joining(" and "))
                    + " both define '" + stem + "'; keep one of them");
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Path file = found.get(0);
        try {
            if (!file.toRealPath().startsWith(listing.realDirectory())) {
                throw new ConfigSourceException(Origin.of(file.toString()), null,
                        "resolves outside the configuration directory (symbolic link escape); refusing to read it");
            }
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of(file.toString()), null, "cannot resolve the file ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        return Optional.of(file);
    }

    /**
     * The names in a directory, read once so that looking up several stems (every reload looks up
     * {@code environments}, {@code base} and each environment of the chain, in six formats each) costs one
     * directory read instead of a file-system call per candidate name. Names are kept lower-cased: the listing
     * only rules candidates out, and {@link Files#isRegularFile} still decides, so a case-insensitive file system
     * finds {@code Base.YAML} exactly as it did before.
     */
    private static final class Listing {
        private final Path dir;
        private final Set<String> lowerCaseNames;
        /** The names as listed, or {@code null} when the directory could not be listed. */
        private final List<String> names;
        private Path realDirectory;

        private Listing(Path dir, Set<String> lowerCaseNames, List<String> names) {
            this.dir = dir;
            this.lowerCaseNames = lowerCaseNames;
            this.names = names;
        }

        static Listing of(Path dir) {
            Set<String> lower = new HashSet<>();
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) {
                    String name = p.getFileName().toString();
                    names.add(name);
                    lower.add(name.toLowerCase(Locale.ROOT));
                }
            } catch (IOException e) {
                // Unlistable (or gone): every candidate is then checked on its own, as before.
                return new Listing(dir, null, null);
            }
            return new Listing(dir, lower, names);
        }

        boolean mayHold(String name) {
            return lowerCaseNames == null || lowerCaseNames.contains(name.toLowerCase(Locale.ROOT));
        }

        Path realDirectory() throws IOException {
            if (realDirectory == null) {
                realDirectory = dir.toRealPath();
            }
            return realDirectory;
        }
    }

    /**
     * @param dir a configuration directory
     * @return the stems of the configuration files in it other than the {@link #RESERVED} ones, sorted
     */
    public static java.util.SortedSet<String> environmentsFound(Path dir) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            entries.forEach(p -> {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot > 0 && !name.startsWith(".") && Format.fromFileName(name).isPresent()) {
                    out.add(name.substring(0, dot));
                }
            });
        } catch (IOException e) {
            return out;
        }
        out.removeAll(RESERVED);
        return out;
    }

    /**
     * The files an environment is made of, in precedence order: {@code base.*}, the ancestors' files declared in
     * {@code environments.yaml} (root first), then {@code <environment>.*}. Used by both
     * {@code ConfigSources.directory} and the {@code ConfigurationManager}, so that a directory means the same
     * thing everywhere.
     *
     * @param dir           the configuration directory
     * @param environment   a name already checked with {@link #checkName}
     * @param limits        parse limits for {@code environments.yaml}
     * @param previousFiles the files of the configuration in force, or {@code null} on a fresh load: a file that
     *                      has disappeared since is an error rather than a silent removal of its keys
     * @return stem to file, in precedence order, for the stems that have a file
     * @throws ConfigSourceException if the environment has neither a file nor an entry in {@code environments.yaml}
     *                               (the message lists the environments found), a file was deleted, or two files
     *                               share a stem
     * @throws ConfigException       if {@code environments.yaml} is malformed or declares a cycle
     */
    public static Map<String, Path> environmentFiles(Path dir, String environment, ParseLimits limits,
                                                     Map<String, Path> previousFiles) {
        return environmentFiles(dir, environment, limits, previousFiles, DocumentParsing.DIRECT);
    }

    /**
     * As {@link #environmentFiles(Path, String, ParseLimits, Map)}, parsing {@code environments.yaml} through
     * {@code parsing} (the manager passes its parsed-document cache).
     *
     * @param dir           the configuration directory
     * @param environment   a name already checked with {@link #checkName}
     * @param limits        parse limits for {@code environments.yaml}
     * @param previousFiles the files in force, or {@code null}
     * @param parsing       how to parse {@code environments.yaml}
     * @return stem to file, in precedence order
     * @throws ConfigException as the four-argument form
     */
    public static Map<String, Path> environmentFiles(Path dir, String environment, ParseLimits limits,
                                                     Map<String, Path> previousFiles, DocumentParsing parsing) {
        return environmentFiles(dir, environment, limits, previousFiles, parsing,
                new FileReads(FileReads.DEFAULT_TIMEOUT));
    }

    /**
     * As {@link #environmentFiles(Path, String, ParseLimits, Map, DocumentParsing)}, reading
     * {@code environments.yaml} through {@code reads} (bounded by the manager's read timeout).
     *
     * @param dir           the configuration directory
     * @param environment   a name already checked with {@link #checkName}
     * @param limits        parse limits for {@code environments.yaml}
     * @param previousFiles the files in force, or {@code null}
     * @param parsing       how to parse {@code environments.yaml}
     * @param reads         how to read it
     * @return stem to file, in precedence order
     * @throws ConfigException as the four-argument form, and when a file is not a regular file
     */
    public static Map<String, Path> environmentFiles(Path dir, String environment, ParseLimits limits,
                                                     Map<String, Path> previousFiles, DocumentParsing parsing,
                                                     FileReads reads) {
        return environmentFiles(dir, environment, limits, previousFiles, parsing, plain(reads));
    }

    /**
     * As {@link #environmentFiles(Path, String, ParseLimits, Map, DocumentParsing, FileReads)}, reading
     * {@code environments.yaml} with {@code reader} (a manager's stable reads).
     *
     * @param dir           the configuration directory
     * @param environment   a name already checked with {@link #checkName}
     * @param limits        parse limits for {@code environments.yaml}
     * @param previousFiles the files in force, or {@code null}
     * @param parsing       how to parse {@code environments.yaml}
     * @param reader        how to read it
     * @return stem to file, in precedence order
     * @throws ConfigException as the four-argument form, and when a file is not a regular file
     */
    public static Map<String, Path> environmentFiles(Path dir, String environment, ParseLimits limits,
                                                     Map<String, Path> previousFiles, DocumentParsing parsing,
                                                     FileReads.Reader reader) {
        Listing listing = Listing.of(dir);
        Inheritance inheritance = chain(dir, environment, limits, parsing, listing, reader);
        List<String> stems = new ArrayList<>();
        stems.add("base");
        stems.addAll(inheritance.chain());
        Map<String, Path> files = new java.util.LinkedHashMap<>();
        for (String stem : stems) {
            Optional<Path> file = find(dir, stem, listing);
            if (file.isPresent()) {
                files.put(stem, file.get());
            } else if (previousFiles != null && previousFiles.containsKey(stem)) {
                throw new ConfigSourceException(Origin.of(previousFiles.get(stem).toString()), null,
                        "the file was deleted; keeping the last good configuration (fix: restore it, or call "
                                + "loadEnvironmentConfig to load without it)");
            }
        }
        List<String> looked = new ArrayList<>(stems);
        looked.add("environments");
        List<Path> unread = unreadFiles(dir, looked, listing);
        for (Path p : unread) {
            LOG.warn("Not reading {}: no Lamina source reads .{} files (rename it to one of .yaml, .yml, .json, "
                    + ".toml, .xml, .properties or .env, or convert it with 'configctl migrate')", p, extension(p));
        }
        if (!files.containsKey(environment) && !inheritance.declared()) {
            // A typo in the environment name must not silently load base.* alone.
            java.util.SortedSet<String> found = environmentsFound(dir);
            String unreadNote = unread.stream().filter(p -> stemOf(p).equals(environment)).findFirst()
                    .map(p -> "; " + p.getFileName() + " exists, but no Lamina source reads ." + extension(p)
                            + " files")
                    .orElse("");
            throw new ConfigSourceException(Origin.of(dir.toString()), null, "no configuration file for environment '"
                    + environment + "' (expected " + environment + ".yaml, .yml, .json, .toml, .xml, .properties or .env, "
                    + "or an entry in environments.yaml); environments found: "
                    + (found.isEmpty() ? "none" : String.join(", ", found)) + unreadNote);
        }
        return files;
    }

    /**
     * The files that hold one of the stems with an extension no Lamina source reads ({@code base.conf},
     * {@code staging.ini}): they would otherwise be skipped without a word.
     *
     * @param dir   the configuration directory
     * @param stems the stems looked up ({@code base}, {@code environments}, the environment chain)
     * @return those files, sorted by name; empty when the directory cannot be listed
     */
    public static List<Path> unreadFiles(Path dir, java.util.Collection<String> stems) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot > 0 && stems.contains(name.substring(0, dot)) && Format.fromFileName(name).isEmpty()
                        && Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(BY_FILE_NAME);
        return out;
    }

    /** As {@link #unreadFiles(Path, java.util.Collection)}, from a listing already made (one listing per reload). */
    private static List<Path> unreadFiles(Path dir, java.util.Collection<String> stems, Listing listing) {
        if (listing.names == null) {
            return unreadFiles(dir, stems);
        }
        List<Path> out = new ArrayList<>();
        for (String name : listing.names) {
            int dot = name.lastIndexOf('.');
            if (dot > 0 && stems.contains(name.substring(0, dot)) && Format.fromFileName(name).isEmpty()) {
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        }
        out.sort(BY_FILE_NAME);
        return out;
    }

    private static String stemOf(Path p) {
        String name = p.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * Resolves an environment's inheritance chain from {@code environments.yaml} (or {@code .yml}) in the
     * directory. Each entry is {@code name: {extends: parent}}; an environment not listed has no parent.
     *
     * @param dir         the configuration directory
     * @param environment the environment
     * @param limits      parse limits
     * @return the chain, root ancestor first, the environment last, and whether the file declares it
     * @throws ConfigException if the file is malformed, names an invalid parent, or declares a cycle
     */
    public static Inheritance chain(Path dir, String environment, ParseLimits limits) {
        return chain(dir, environment, limits, DocumentParsing.DIRECT);
    }

    /**
     * As {@link #chain(Path, String, ParseLimits)}, parsing the file through {@code parsing}.
     *
     * @param dir         the configuration directory
     * @param environment the environment
     * @param limits      parse limits
     * @param parsing     how to parse the environments file
     * @return the chain and whether the file declares the environment
     * @throws ConfigException as the three-argument form
     */
    public static Inheritance chain(Path dir, String environment, ParseLimits limits, DocumentParsing parsing) {
        return chain(dir, environment, limits, parsing, Listing.of(dir),
                plain(new FileReads(FileReads.DEFAULT_TIMEOUT)));
    }

    /** {@code reads::read} as a class: the first lambda a process spins costs a cold start the lambda machinery. */
    private static FileReads.Reader plain(FileReads reads) {
        return new FileReads.Reader() {
            @Override
            public byte[] read(Path file, long maxBytes) throws FileReads.Refusal {
                return reads.read(file, maxBytes);
            }
        };
    }

    private static Inheritance chain(Path dir, String environment, ParseLimits limits, DocumentParsing parsing,
                                     Listing listing, FileReads.Reader reads) {
        Optional<Path> file = find(dir, "environments", listing);
        if (file.isEmpty()) {
            return new Inheritance(List.of(environment), false);
        }
        Path path = file.get();
        String name = path.toString();
        Format format = Format.fromFileName(path.getFileName().toString()).orElse(Format.YAML);
        byte[] bytes;
        try {
            bytes = reads.read(path, limits.maxDocumentBytes());
        } catch (FileReads.Refusal r) {
            if (r.kind() == FileReads.Kind.NOT_FOUND) {
                return new Inheritance(List.of(environment), false);
            }
            throw FileSource.failure(name, r, limits);
        }
        ConfigObject root = parsing.parse(name, format, bytes, limits);
        Deque<String> chain = new ArrayDeque<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        String current = environment;
        while (current != null) {
            if (!seen.add(current)) {
                List<String> cycle = new ArrayList<>(seen);
                cycle.add(current);
                ConfigNode at = root.get(current).orElse(root);
                throw new ConfigException(originOf(at, name), ConfigPath.of(current, "extends"),
                        "inheritance cycle " + String.join(" -> ", cycle) + " (fix: remove one of the 'extends')");
            }
            if (seen.size() > MAX_CHAIN) {
                throw new ConfigException(Origin.of(name), null, "inheritance deeper than " + MAX_CHAIN + " levels");
            }
            chain.addFirst(current);
            current = parentOf(root, current, name);
        }
        return new Inheritance(List.copyOf(chain), root.get(environment).isPresent());
    }

    /**
     * An environment's ancestry.
     *
     * @param chain    root ancestor first, the environment last
     * @param declared {@code true} when the environments file lists the environment
     */
    public record Inheritance(List<String> chain, boolean declared) {
    }

    private static String parentOf(ConfigObject root, String env, String fileName) {
        Optional<ConfigNode> entry = root.get(env);
        if (entry.isEmpty()) {
            return null;
        }
        if (!(entry.get() instanceof ConfigObject obj)) {
            throw new ConfigException(originOf(entry.get(), fileName), ConfigPath.of(env),
                    "expected an object such as {extends: staging}, found a " + entry.get().kindName());
        }
        for (Map.Entry<String, ConfigNode> e : obj.entries().entrySet()) {
            if (!ENTRY_KEYS.contains(e.getKey())) {
                throw new ConfigException(originOf(e.getValue(), fileName), ConfigPath.of(env, e.getKey()),
                        "unknown key; recognised: " + String.join(", ", ENTRY_KEYS)
                                + spiSuggestion(e.getKey()));
            }
        }
        Optional<ConfigNode> ext = obj.get("extends");
        if (ext.isEmpty()) {
            return null;
        }
        if (!(ext.get() instanceof ConfigScalar s)) {
            throw new ConfigException(originOf(ext.get(), fileName), ConfigPath.of(env, "extends"),
                    "expected an environment name, found a " + ext.get().kindName());
        }
        if (!NAME.matcher(s.text()).matches()) {
            throw new ConfigException(originOf(s, fileName), ConfigPath.of(env, "extends"),
                    "invalid environment name: it must be " + NAME_RULE);
        }
        return s.text();
    }

    private static String spiSuggestion(String key) {
        return dev.lamina.config.spi.Suggestions.didYouMean(key, ENTRY_KEYS);
    }

    private static Origin originOf(ConfigNode node, String fileName) {
        Origin o = node.origin();
        return o.equals(Origin.UNKNOWN) ? Origin.of(fileName) : o;
    }
}
