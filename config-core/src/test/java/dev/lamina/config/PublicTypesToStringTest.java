package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 4: logging any public value type never prints a secret. Every public type of
 * {@code dev.lamina.config} (found on disk, so a new type cannot be forgotten) either inherits
 * {@code Object.toString()} (class name and hash only), or has a sample below holding a planted secret whose
 * {@code toString} must not contain it, or is listed as holding no configuration value, with the reason.
 */
class PublicTypesToStringTest {

    private static final String PLANTED = "Zq9xK7-pw-planted";
    private static final String PLANTED_RESOLVED = "Ry8wJ6-vault-planted";
    private static final Origin AT = new Origin("config/base.yaml", 3, 5);
    private static final ConfigPath SECRET_PATH = ConfigPath.parse("db.password");

    /** Types that hold a value: each builds an instance holding the planted secret. */
    private static final Map<Class<?>, Supplier<Object>> SAMPLES = new LinkedHashMap<>();

    /** Types that hold no configuration value, and why. */
    private static final Map<Class<?>, String> NO_VALUE = new LinkedHashMap<>();

    static {
        SAMPLES.put(ConfigScalar.class, () -> ConfigScalar.string(PLANTED, AT));
        // "url" is no secret name: a node cannot know that its value was decrypted, so every scalar is masked.
        SAMPLES.put(ConfigObject.class, PublicTypesToStringTest::tree);
        SAMPLES.put(ConfigList.class, () -> new ConfigList(List.of(ConfigScalar.string(PLANTED, AT)), AT));
        SAMPLES.put(Layer.class, () -> new Layer("config/base.yaml", tree()));
        SAMPLES.put(AuditRecord.class, () -> AuditRecord.applied("update", "alice", List.of(change()), 2));
        SAMPLES.put(AuditRecord.Change.class, PublicTypesToStringTest::change);
        SAMPLES.put(ConfigChangeEvent.class, () -> new ConfigChangeEvent(SECRET_PATH, Optional.of(PLANTED),
                Optional.of(PLANTED), "config/base.yaml:3:5", 2));
        SAMPLES.put(ConfigDiff.Entry.class, () -> new ConfigDiff.Entry(SECRET_PATH,
                Optional.of(ConfigScalar.string(PLANTED, AT)), Optional.of(ConfigScalar.string("x" + PLANTED, AT)),
                false));
        SAMPLES.put(Explanation.class, () -> new Explanation(SECRET_PATH, Optional.of(PLANTED),
                List.of(new Explanation.Candidate("config/base.yaml", AT, PLANTED, true, false)), "set only here"));
        SAMPLES.put(Explanation.Candidate.class, () -> new Explanation.Candidate("config/base.yaml", AT, PLANTED,
                true, false));
        SAMPLES.put(ResolvedValue.class, () -> ResolvedValue.secret(PLANTED));
        SAMPLES.put(Snapshot.class, () -> new Snapshot(1, configuration(), "abc", Instant.EPOCH,
                new ChangeRecord("system", Instant.EPOCH, "load", ChangeRecord.Action.LOAD)));
        SAMPLES.put(UpdateRequest.class, () -> UpdateRequest.builder().set("db.password", PLANTED)
                .set("db.url", PLANTED).build());
        SAMPLES.put(ConfigurationOptions.class, () -> ConfigurationOptions.builder()
                .environment(Map.of("DB_PASSWORD", PLANTED)).build());

        SAMPLES.put(Secret.class, () -> Secret.of(PLANTED));
        SAMPLES.put(DocumentDecoder.Decoded.class, () -> new DocumentDecoder.Decoded(tree(), java.util.Set.of(SECRET_PATH)));
        SAMPLES.put(Keyring.class, () -> Keyring.of("k1", PLANTED.substring(0, 16).repeat(2).getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)));
        NO_VALUE.put(EnvelopeRotation.Result.class, "a file name and a count of rotated values");
        NO_VALUE.put(ConfigNull.class, "an explicit null: only an origin");
        NO_VALUE.put(ConfigPath.class, "a path; keys are not secret (they stay visible in every output)");
        NO_VALUE.put(Origin.class, "a source name, line and column");
        NO_VALUE.put(ChangeRecord.class, "who, when and the caller's reason (documented never to hold a secret)");
        NO_VALUE.put(VersionInfo.class, "a version, hash, change record and changed paths, never values");
        NO_VALUE.put(ValueContext.class, "the path, origin and environment of a value being resolved, not the value");
        NO_VALUE.put(ValidationProblem.class, "a validator's message, which quotes values only where isSecret allows");
        NO_VALUE.put(ConfigErrorEvent.class, "an error message, built as every ConfigException (never a value)");
        NO_VALUE.put(ConfigWarningEvent.class, "a provider's message, documented never to hold a secret value");
        NO_VALUE.put(AuditVerification.class, "the verdict on an audit log file (counts, line, problem)");
        NO_VALUE.put(CacheStatistics.class, "counters");
        NO_VALUE.put(DataSize.class, "a number of bytes read from a size, not kept text");
        NO_VALUE.put(LayerMetadata.class, "a layer's kind, description, priority and revision");
        NO_VALUE.put(MergeOptions.class, "list strategies by path");
        NO_VALUE.put(ListMergeStrategy.Replace.class, "a strategy");
        NO_VALUE.put(ListMergeStrategy.Append.class, "a strategy");
        NO_VALUE.put(ListMergeStrategy.MergeByKey.class, "a strategy and a field name");
        NO_VALUE.put(ParseLimits.class, "numbers");
        NO_VALUE.put(Principal.class, "a name and roles");
        NO_VALUE.put(ConfigRenderer.Options.class, "rendering switches");
        NO_VALUE.put(AuditLog.class, "its file name; records are written masked and never kept");
        NO_VALUE.put(SecretPolicy.class, "the rules (patterns and declared paths), never a value");
        NO_VALUE.put(SourceHealth.class, "a source name, a status, a time and a reason documented never to hold a secret");
    }

    private static ConfigObject tree() {
        Map<String, ConfigNode> db = new LinkedHashMap<>();
        db.put("host", ConfigScalar.string("db.internal", AT));
        db.put("password", ConfigScalar.string(PLANTED, AT));
        db.put("url", ConfigScalar.string("postgres://app:" + PLANTED + "@db", AT));
        return new ConfigObject(Map.of("db", new ConfigObject(db, AT)), AT);
    }

    private static AuditRecord.Change change() {
        return AuditRecord.Change.of(SECRET_PATH, ConfigScalar.string(PLANTED, AT), ConfigScalar.string(PLANTED, AT));
    }

    /**
     * A configuration with a planted secret under a secret name, one under an ordinary name that a resolver marked
     * secret (as a decrypted value is), and one declared secret.
     */
    private static Configuration configuration() {
        ValueResolver vault = (key, context) -> Optional.of(ResolvedValue.secret(PLANTED_RESOLVED));
        ConfigurationOptions options = ConfigurationOptions.builder().addResolver("vault", vault)
                .addSecretPaths("billing.account").build();
        Layer layer = new Layer("config/base.yaml", ConfigDocuments.parse("config/base.yaml", Format.YAML,
                "db:\n  password: " + PLANTED + "\n  url: ${vault:db-url}\n  host: db.internal\n"
                        + "billing:\n  account: x" + PLANTED + "\n", ParseLimits.DEFAULTS));
        return new ConfigLoader(options).fromLayers(List.of(layer));
    }

    @Test
    void everyPublicTypeOfTheCorePackageIsCovered() throws Exception {
        List<String> uncovered = new ArrayList<>();
        for (Class<?> type : publicTypes()) {
            if (SAMPLES.containsKey(type) || NO_VALUE.containsKey(type) || inheritsObjectToString(type)) {
                continue;
            }
            uncovered.add(type.getName());
        }
        assertThat(uncovered)
                .as("public types with their own toString and no sample holding a planted secret: add one to SAMPLES "
                        + "(and mask in toString), or to NO_VALUE with the reason it can hold no value")
                .isEmpty();
    }

    @Test
    void theListsNameNoTypeThatIsNotPublicAnyMore() throws Exception {
        List<Class<?>> all = publicTypes();
        assertThat(all).containsAll(SAMPLES.keySet()).containsAll(NO_VALUE.keySet());
    }

    @TestFactory
    Stream<DynamicTest> noSampleShowsItsPlantedSecret() {
        return SAMPLES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().getSimpleName(), () -> {
            String text = e.getValue().get().toString();
            assertThat(text).doesNotContain(PLANTED).doesNotContain(PLANTED_RESOLVED);
        }));
    }

    @Test
    void theConfigurationShowsOrdinaryValuesAndMasksEverySecretItKnowsOf() {
        Configuration config = configuration();
        String text = config.toString();
        assertThat(text).doesNotContain(PLANTED).doesNotContain(PLANTED_RESOLVED).contains("db.internal");
        assertThat(config.isSecret("db.password")).isTrue();
        assertThat(config.isSecret("db.url")).as("marked by the resolver").isTrue();
        assertThat(config.isSecret("billing.account")).as("declared").isTrue();
        assertThat(config.isSecret("db.host")).isFalse();
        // Raw access stays explicit.
        assertThat(config.getString("db.url")).isEqualTo(PLANTED_RESOLVED);
        assertThat(((ConfigScalar) config.node("db.password").orElseThrow()).text()).isEqualTo(PLANTED);
        assertThat(config.root().toString()).doesNotContain(PLANTED).doesNotContain(PLANTED_RESOLVED)
                .contains("password=***");
        assertThat(config.getConfig("db").toString()).doesNotContain(PLANTED).doesNotContain(PLANTED_RESOLVED);
        assertThat(config.explain("db.url").toString()).doesNotContain(PLANTED_RESOLVED);
        assertThat(config.layers().toString()).doesNotContain(PLANTED);
    }

    @Test
    void sourcesBuiltFromValuesNeverPrintThem(@TempDir Path mounted) throws IOException {
        // Sources are interfaces, so the walk above does not reach them: each factory that is given values is tried.
        java.util.Properties props = new java.util.Properties();
        props.setProperty("app.db.password", PLANTED);
        Files.writeString(mounted.resolve("db.password"), PLANTED);
        List<ConfigSource> sources = List.of(
                ConfigSources.string("inline", Format.YAML, "db:\n  password: " + PLANTED + "\n"),
                ConfigSources.map("defaults", Map.of("db.password", PLANTED)),
                ConfigSources.environmentVariables("APP_", Map.of("APP_DB__PASSWORD", PLANTED)),
                ConfigSources.systemProperties("app.", props),
                ConfigSources.keyPerFile(mounted));
        for (ConfigSource source : sources) {
            assertThat(source.toString()).as(source.getClass().getSimpleName()).doesNotContain(PLANTED);
            assertThat(source.read(ParseLimits.DEFAULTS).toString()).as("the layers of " + source)
                    .doesNotContain(PLANTED);
        }
    }

    @Test
    void anEventForAnOrdinaryPathStillShowsItsValues() {
        ConfigChangeEvent e = new ConfigChangeEvent(ConfigPath.parse("server.port"), Optional.of("8080"),
                Optional.of("9090"), "config/base.yaml:1:1", 2);
        assertThat(e.toString()).contains("8080").contains("9090");
    }

    private static boolean inheritsObjectToString(Class<?> type) throws NoSuchMethodException {
        return !type.isRecord() && type.getMethod("toString").getDeclaringClass() == Object.class;
    }

    /** Every public class or record of the package (nested ones too), not interfaces, enums or exceptions. */
    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(ConfigObject.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TreeSet<String> names = new TreeSet<>();
        String dir = ConfigObject.class.getPackageName().replace('.', '/') + "/";
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve(dir))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class")).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                    String n = en.nextElement().getName();
                    if (n.startsWith(dir) && n.endsWith(".class") && n.indexOf('/', dir.length()) < 0) {
                        names.add(n.substring(dir.length()));
                    }
                }
            }
        }
        assertThat(names).as("classes of " + dir + " at " + location).contains("ConfigObject.class");
        List<Class<?>> out = new ArrayList<>();
        for (String file : names) {
            if (file.equals("module-info.class") || file.equals("package-info.class")) {
                continue;
            }
            Class<?> type = Class.forName(ConfigObject.class.getPackageName() + "."
                    + file.substring(0, file.length() - ".class".length()), false,
                    PublicTypesToStringTest.class.getClassLoader());
            if (type.isAnonymousClass() || type.isSynthetic() || type.isInterface() || type.isEnum()
                    || Throwable.class.isAssignableFrom(type) || !isPublic(type)) {
                continue;
            }
            out.add(type);
        }
        return out;
    }

    private static boolean isPublic(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
