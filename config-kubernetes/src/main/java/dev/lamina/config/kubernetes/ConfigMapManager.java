package dev.lamina.config.kubernetes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigLimitException;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Configuration;
import dev.lamina.config.Origin;
import dev.lamina.config.RenderFormat;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.kubernetes.internal.KustomizeHash;
import dev.lamina.config.spi.AtomicFiles;
import dev.lamina.config.kubernetes.internal.Names;

/**
 * Exports a configuration as Kubernetes manifests: a {@code ConfigMap} for the values that are not secret and an
 * {@code Opaque Secret} for those {@link Configuration#isSecret(String)} marks secret (a secret value never appears
 * in a ConfigMap). Two layouts ({@link Layout}): one key holding the rendered YAML file, to mount as a file; or one
 * key per path, to mount as a key-per-file directory ({@code ConfigSources.keyPerFile}). Kubernetes' rules are
 * checked with errors naming the path: object names are RFC 1123 subdomains of at most 253 characters, keys match
 * {@code [-._a-zA-Z0-9]+} and are not {@code .}/{@code ..}, an object's data is at most 1 MiB. With
 * {@link Builder#hashSuffix(boolean)} each name gets the content hash kustomize's {@code configMapGenerator} appends,
 * so a Deployment that refers to it rolls out when the content changes.
 *
 * <p>The per-section helpers ({@link #createDatabaseConfig()}, …) export part of the tree, each under
 * {@code <name>-<section>}; the section paths are configurable ({@link Builder#section}). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * ConfigMapManager k8s = ConfigMapManager.builder(config).name("music-api").namespace("streaming")
 *         .environment("production").hashSuffix(true).build();
 * String yaml = ConfigMapManager.exportToYaml(k8s.export());
 * }</pre>
 */
public final class ConfigMapManager {

    /** How values are laid out in the objects' {@code data}. */
    public enum Layout {
        /** One key ({@code application.yaml}; the Secret's {@code secrets.yaml}) holding the rendered YAML. */
        FILE,
        /** One key per path ({@code database.pool.max_size}), its value the scalar's text. */
        KEYS
    }

    /** The most {@code data} one ConfigMap or Secret may hold (Kubernetes' {@code MaxSecretSize}), in bytes. */
    public static final int MAX_DATA_BYTES = 1024 * 1024;

    /** The section names of the per-section helpers, in the order {@link #generateAllConfigs()} returns them. */
    public static final List<String> SECTIONS = List.of("application", "database", "security", "ml", "monitoring");

    private static final SecretPolicy NOTHING_SECRET = SecretPolicy.none();

    private final Configuration config;
    private final String name;
    private final String namespace;
    private final Map<String, String> labels;
    private final Map<String, String> annotations;
    private final boolean hashSuffix;
    private final Layout layout;
    private final String fileKey;
    private final String secretFileKey;
    private final Map<String, List<ConfigPath>> sections;

    private ConfigMapManager(Builder b) {
        this.config = b.config;
        this.name = b.name;
        this.namespace = b.namespace;
        Map<String, String> l = new LinkedHashMap<>();
        l.put("app.kubernetes.io/name", b.name);
        l.put("app.kubernetes.io/managed-by", "lamina");
        if (b.environment != null) {
            l.put("lamina.dev/environment", b.environment);
        }
        l.putAll(b.labels);
        this.labels = l;
        this.annotations = new LinkedHashMap<>(b.annotations);
        this.hashSuffix = b.hashSuffix;
        this.layout = b.layout;
        this.fileKey = b.fileKey;
        this.secretFileKey = b.secretFileKey;
        this.sections = new LinkedHashMap<>(b.sections);
    }

    /**
     * @param config the configuration to export, not {@code null}
     * @return a builder: {@link Builder#name} and {@link Builder#namespace} are required
     */
    public static Builder builder(Configuration config) {
        return new Builder(config);
    }

    /**
     * The whole configuration: a ConfigMap named {@code <name>} and, when there are secret values, a Secret of the
     * same name.
     *
     * @return the ConfigMap, then the Secret if any
     * @throws ConfigException      if a key breaks Kubernetes' key rule, or (layout {@link Layout#KEYS}) a path holds
     *                              a null or an empty object or list, which no key-per-file value can stand for
     * @throws ConfigLimitException if an object's data would exceed {@link #MAX_DATA_BYTES}
     */
    public List<Manifest> export() {
        return bundle(name, config.root());
    }

    /**
     * Everything outside the database, security, ML and monitoring sections, as {@code <name>-application}.
     *
     * @return the manifests, empty when the section holds nothing
     * @throws ConfigException as {@link #export()}
     */
    public List<Manifest> createApplicationConfig() {
        return section("application");
    }

    /**
     * The database section (by default {@code database} and {@code data_sources}), as {@code <name>-database}.
     *
     * @return the manifests, empty when the section holds nothing
     * @throws ConfigException as {@link #export()}
     */
    public List<Manifest> createDatabaseConfig() {
        return section("database");
    }

    /**
     * The security section (by default {@code security}, {@code auth} and {@code gdpr_compliance}), as
     * {@code <name>-security}; its secret values go to the Secret.
     *
     * @return the manifests, empty when the section holds nothing
     * @throws ConfigException as {@link #export()}
     */
    public List<Manifest> createSecurityConfig() {
        return section("security");
    }

    /**
     * The ML section (by default {@code ml} and {@code recommendation_engine}), as {@code <name>-ml}.
     *
     * @return the manifests, empty when the section holds nothing
     * @throws ConfigException as {@link #export()}
     */
    public List<Manifest> createMlConfig() {
        return section("ml");
    }

    /**
     * The monitoring section (by default {@code monitoring}, {@code health_monitoring}, {@code logging} and
     * {@code metrics}), as {@code <name>-monitoring}.
     *
     * @return the manifests, empty when the section holds nothing
     * @throws ConfigException as {@link #export()}
     */
    public List<Manifest> createMonitoringConfig() {
        return section("monitoring");
    }

    /**
     * Every section that holds something, in {@link #SECTIONS} order; together they hold the whole configuration,
     * each path exactly once.
     *
     * @return the manifests
     * @throws ConfigException as {@link #export()}
     */
    public List<Manifest> generateAllConfigs() {
        List<Manifest> out = new ArrayList<>();
        for (String s : SECTIONS) {
            out.addAll(section(s));
        }
        return out;
    }

    /**
     * @param manifests manifests, not {@code null}
     * @return them as one multi-document YAML text ({@code ---} between documents), for {@code kubectl apply -f}
     */
    public static String exportToYaml(List<Manifest> manifests) {
        StringBuilder sb = new StringBuilder();
        for (Manifest m : manifests) {
            if (sb.length() > 0) {
                sb.append("---\n");
            }
            sb.append(m.toYaml());
        }
        return sb.toString();
    }

    /**
     * Writes {@link #exportToYaml(List)} to a file, crash-safely replacing it (core's {@code AtomicFiles}: a
     * temporary file in the same directory, synced, then renamed), so that a reader never sees half a manifest.
     *
     * @param manifests manifests, not {@code null}
     * @param file      the file to write; its directory must exist
     * @throws dev.lamina.config.ConfigSourceException naming the file if it cannot be written
     */
    public static void exportToYaml(List<Manifest> manifests, Path file) {
        AtomicFiles.write(file, exportToYaml(manifests).getBytes(StandardCharsets.UTF_8));
    }

    private List<Manifest> section(String section) {
        ConfigObject root = config.root();
        ConfigObject part;
        if (section.equals("application")) {
            Map<String, ConfigNode> rest = new LinkedHashMap<>(root.entries());
            for (Map.Entry<String, List<ConfigPath>> e : sections.entrySet()) {
                for (ConfigPath p : e.getValue()) {
                    rest.remove(p.segments().get(0));
                }
            }
            part = new ConfigObject(rest, root.origin());
        } else {
            Map<String, ConfigNode> picked = new LinkedHashMap<>();
            for (ConfigPath p : sections.get(section)) {
                root.get(p.segments().get(0)).ifPresent(n -> picked.put(p.segments().get(0), n));
            }
            part = new ConfigObject(picked, root.origin());
        }
        if (part.isEmpty()) {
            return List.of();
        }
        return bundle(name + "-" + section, part);
    }

    private List<Manifest> bundle(String objectName, ConfigObject part) {
        ConfigNode[] sides = split(part, ConfigPath.root());
        ConfigObject plainTree = sides[0] == null ? ConfigObject.empty(part.origin()) : (ConfigObject) sides[0];
        List<Manifest> out = new ArrayList<>();
        out.add(manifest(Manifest.Kind.CONFIG_MAP, objectName, plainTree, fileKey));
        if (sides[1] != null) {
            out.add(manifest(Manifest.Kind.SECRET, objectName, (ConfigObject) sides[1], secretFileKey));
        }
        return out;
    }

    /**
     * Splits a subtree into its plain and its secret part (either {@code null} when empty), keeping key order. A list
     * with any secret value below it goes to the Secret whole: lists are replaced, not merged by index, when the two
     * mounts are loaded back together.
     */
    private ConfigNode[] split(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigObject o && (!o.isEmpty() || path.isRoot())) {
            Map<String, ConfigNode> plain = new LinkedHashMap<>();
            Map<String, ConfigNode> secret = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                ConfigNode[] child = split(e.getValue(), path.child(e.getKey()));
                if (child[0] != null) {
                    plain.put(e.getKey(), child[0]);
                }
                if (child[1] != null) {
                    secret.put(e.getKey(), child[1]);
                }
            }
            return new ConfigNode[] {plain.isEmpty() ? null : new ConfigObject(plain, o.origin()),
                secret.isEmpty() ? null : new ConfigObject(secret, o.origin())};
        }
        if (containsSecret(node, path)) {
            return new ConfigNode[] {null, node};
        }
        return new ConfigNode[] {node, null};
    }

    private boolean containsSecret(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigScalar) {
            return config.isSecret(path.toString());
        }
        if (node instanceof ConfigObject o) {
            return o.entries().entrySet().stream().anyMatch(e -> containsSecret(e.getValue(), path.child(e.getKey())));
        }
        if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                if (containsSecret(l.items().get(i), path.child(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private Manifest manifest(Manifest.Kind kind, String baseName, ConfigObject tree, String key) {
        Map<String, String> data = new LinkedHashMap<>();
        if (!tree.isEmpty()) {
            if (layout == Layout.FILE) {
                data.put(key, ConfigRenderer.render(tree, NOTHING_SECRET, RenderFormat.YAML,
                        ConfigRenderer.Options.defaults()));
            } else {
                flatten(tree, ConfigPath.root(), data);
            }
        }
        checkSize(kind, baseName, data);
        String finalName = baseName;
        if (hashSuffix) {
            String suffix = kind == Manifest.Kind.CONFIG_MAP
                    ? KustomizeHash.configMap(baseName, data.isEmpty() ? null : data, null)
                    : KustomizeHash.secret(baseName, "Opaque",
                            new Manifest(kind, baseName, namespace, Map.of(), Map.of(), data).manifestData(), null);
            finalName = baseName + "-" + suffix;
        }
        if (!Names.isDns1123Subdomain(finalName)) {
            throw new IllegalArgumentException("object name '" + finalName + "' is not valid: " + Names.SUBDOMAIN_RULE
                    + " (shorten --name)");
        }
        return new Manifest(kind, finalName, namespace, labels, annotations, data);
    }

    private void flatten(ConfigNode node, ConfigPath path, Map<String, String> out) {
        if (node instanceof ConfigObject o && !o.isEmpty()) {
            o.entries().forEach((k, v) -> flatten(v, path.child(k), out));
        } else if (node instanceof ConfigList l && l.size() > 0) {
            for (int i = 0; i < l.size(); i++) {
                flatten(l.items().get(i), path.child(i), out);
            }
        } else if (node instanceof ConfigScalar s) {
            out.put(keyOf(path, s.origin()), s.text());
        } else {
            String what = node instanceof ConfigNull ? "null" : node instanceof ConfigObject ? "an empty object"
                    : "an empty list";
            throw new ConfigException(node.origin(), path, "holds " + what + ", which one key per path cannot stand "
                    + "for (a mounted file is always a string); use the file layout, or remove the key");
        }
    }

    private static String keyOf(ConfigPath path, Origin origin) {
        StringBuilder sb = new StringBuilder();
        for (String seg : path.segments()) {
            if (seg.indexOf('.') >= 0 || seg.isEmpty()) {
                throw new ConfigException(origin, path, "a key segment with a '.' cannot be one ConfigMap key per "
                        + "path (the dots separate segments); rename it or use the file layout");
            }
            sb.append(sb.length() == 0 ? "" : ".").append(seg);
        }
        String key = sb.toString();
        if (!Names.isConfigMapKey(key)) {
            throw new ConfigException(origin, path, "'" + key + "' is not a valid ConfigMap key: " + Names.KEY_RULE
                    + "; rename the key or use the file layout");
        }
        return key;
    }

    private static void checkSize(Manifest.Kind kind, String name, Map<String, String> data) {
        long total = 0;
        String biggest = null;
        long biggestSize = -1;
        for (Map.Entry<String, String> e : data.entrySet()) {
            long size = e.getValue().getBytes(StandardCharsets.UTF_8).length;
            total += size;
            if (size > biggestSize) {
                biggestSize = size;
                biggest = e.getKey();
            }
        }
        if (total > MAX_DATA_BYTES) {
            throw new ConfigLimitException(Origin.of(kind.text() + " " + name), null, "the data is " + total
                    + " bytes, over Kubernetes' limit of " + MAX_DATA_BYTES + " bytes for one object (largest key: "
                    + biggest + ", " + biggestSize + " bytes); export the sections separately "
                    + "(generateAllConfigs) or move large values to files");
        }
    }

    /** Options of a {@link ConfigMapManager}. Not thread-safe; {@link #build()} copies what it needs. */
    public static final class Builder {
        private final Configuration config;
        private String name;
        private String namespace;
        private String environment;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> annotations = new LinkedHashMap<>();
        private boolean hashSuffix;
        private Layout layout = Layout.FILE;
        private String fileKey = "application.yaml";
        private String secretFileKey = "secrets.yaml";
        private final Map<String, List<ConfigPath>> sections = new LinkedHashMap<>();

        private Builder(Configuration config) {
            this.config = Objects.requireNonNull(config, "config");
            sections.put("database", paths("database", "data_sources"));
            sections.put("security", paths("security", "auth", "gdpr_compliance"));
            sections.put("ml", paths("ml", "recommendation_engine"));
            sections.put("monitoring", paths("monitoring", "health_monitoring", "logging", "metrics"));
        }

        private static List<ConfigPath> paths(String... keys) {
            List<ConfigPath> out = new ArrayList<>();
            for (String k : keys) {
                out.add(ConfigPath.of(k));
            }
            return List.copyOf(out);
        }

        /**
         * @param name the objects' base name, an RFC 1123 subdomain ({@code music-api})
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param namespace the namespace, a DNS-1123 label
         * @return this builder
         */
        public Builder namespace(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        /**
         * @param environment the environment tier, written as the label {@code lamina.dev/environment}
         * @return this builder
         */
        public Builder environment(String environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * @param key   a label key ({@code [prefix/]name})
         * @param value its value (at most 63 characters)
         * @return this builder
         */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param key   an annotation key ({@code [prefix/]name})
         * @param value any text
         * @return this builder
         */
        public Builder annotation(String key, String value) {
            annotations.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param on append kustomize's content hash to each name ({@code music-api-7757f9kkct}); default off
         * @return this builder
         */
        public Builder hashSuffix(boolean on) {
            this.hashSuffix = on;
            return this;
        }

        /**
         * @param layout how values are laid out; default {@link Layout#FILE}
         * @return this builder
         */
        public Builder layout(Layout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /**
         * @param configMapKey the ConfigMap's key in the file layout (default {@code application.yaml})
         * @param secretKey    the Secret's key in the file layout (default {@code secrets.yaml})
         * @return this builder
         */
        public Builder fileKeys(String configMapKey, String secretKey) {
            this.fileKey = Objects.requireNonNull(configMapKey, "configMapKey");
            this.secretFileKey = Objects.requireNonNull(secretKey, "secretKey");
            return this;
        }

        /**
         * Replaces the top-level keys of a section.
         *
         * @param section  {@code database}, {@code security}, {@code ml} or {@code monitoring}
         * @param topLevel the top-level keys it takes
         * @return this builder
         * @throws IllegalArgumentException if the section is unknown
         */
        public Builder section(String section, String... topLevel) {
            if (!sections.containsKey(section)) {
                throw new IllegalArgumentException("unknown section '" + section + "'; one of " + sections.keySet()
                        + " (application is everything else)");
            }
            sections.put(section, paths(topLevel));
            return this;
        }

        /**
         * @return the manager
         * @throws IllegalStateException    if the name or namespace is missing
         * @throws IllegalArgumentException if the name, namespace, a label, an annotation key or a file key breaks
         *                                  Kubernetes' rules (the message says which rule)
         */
        public ConfigMapManager build() {
            if (name == null || namespace == null) {
                throw new IllegalStateException("name and namespace are required");
            }
            // Room for "-monitoring" and a hash suffix "-xxxxxxxxxx" within 253 characters.
            if (!Names.isDns1123Subdomain(name) || name.length() > 253 - 22) {
                throw new IllegalArgumentException("name '" + name + "' is not valid: " + Names.SUBDOMAIN_RULE
                        + ", and short enough (at most 231) for a section and a hash suffix");
            }
            if (!Names.isDns1123Label(namespace)) {
                throw new IllegalArgumentException("namespace '" + namespace + "' is not valid: lower-case letters, "
                        + "digits and '-', starting and ending with a letter or digit, at most 63 characters");
            }
            Map<String, String> all = new LinkedHashMap<>(labels);
            all.put("app.kubernetes.io/name", name);
            if (environment != null) {
                all.put("lamina.dev/environment", environment);
            }
            all.forEach((k, v) -> {
                if (!Names.isQualifiedName(k)) {
                    throw new IllegalArgumentException("label key '" + k + "' is not valid: [prefix/]name, the name "
                            + "at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
                }
                if (!Names.isLabelValue(v)) {
                    throw new IllegalArgumentException("label " + k + " has an invalid value '" + v + "': at most 63 "
                            + "letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
                }
            });
            annotations.keySet().forEach(k -> {
                if (!Names.isQualifiedName(k)) {
                    throw new IllegalArgumentException("annotation key '" + k + "' is not valid: [prefix/]name");
                }
            });
            for (String k : List.of(fileKey, secretFileKey)) {
                if (!Names.isConfigMapKey(k)) {
                    throw new IllegalArgumentException("file key '" + k + "' is not valid: " + Names.KEY_RULE);
                }
            }
            return new ConfigMapManager(this);
        }
    }

    /** @return the base name, namespace, layout and whether names get a hash suffix; never a value */
    @Override
    public String toString() {
        return "ConfigMapManager[" + namespace + "/" + name + ", " + layout + (hashSuffix ? ", hash suffix" : "")
                + "]";
    }
}
