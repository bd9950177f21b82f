package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The module rules of {@code ARCHITECTURE.md}, checked on the compiled classes of every library module and of the
 * CLI (this module depends on all of them, so their classes are all on its test class path):
 *
 * <ul>
 *   <li>no module reads another module's {@code internal} packages, and no module descriptor exports or opens an
 *       {@code internal} package, even to named modules;</li>
 *   <li>core depends on no other Lamina module;</li>
 *   <li>the public and protected signatures of exported API types (methods, constructors, fields, superclass,
 *       interfaces, type parameters, thrown exceptions; record components through their accessors) name no
 *       {@code internal} type and no Jackson type.</li>
 * </ul>
 *
 * <p>{@code examples} and {@code benchmarks} come later in the build than this module and are never dependencies, so
 * their sources are scanned for {@code internal} imports instead. The CLI has no {@code module-info} (it ships as a
 * shaded jar, which strips descriptors); this test is its build check (see {@code docs/decisions.md}).
 */
class ArchitectureTest {

    /**
     * Module of each package root, longest first. A new module adds its root here; {@link #everyPackageBelongsToAKnownModule}
     * fails until it does, so that a new module is never mistaken for part of core.
     */
    private static final Map<String, String> MODULE_ROOTS = Map.ofEntries(
            Map.entry("dev.lamina.config.validation", "config-validation"),
            Map.entry("dev.lamina.config.profiles", "config-profiles"),
            Map.entry("dev.lamina.config.overrides", "config-overrides"),
            Map.entry("dev.lamina.config.flags.openfeature", "config-flags-openfeature"),
            Map.entry("dev.lamina.config.flags", "config-flags"),
            Map.entry("dev.lamina.config.kubernetes", "config-kubernetes"),
            Map.entry("dev.lamina.config.migration", "config-migration"),
            Map.entry("dev.lamina.config.sops", "config-sops"),
            Map.entry("dev.lamina.config.etcd", "config-etcd"),
            Map.entry("dev.lamina.config.cli", "config-cli"),
            Map.entry("dev.lamina.config", "config-core"));

    /** The packages core may have: its API, the extension helpers, and its implementation. */
    private static final Pattern CORE_PACKAGES = Pattern.compile("dev\\.lamina\\.config(\\.spi|\\.internal(\\..+)?)?");

    /** Modules whose non-internal packages are public API (the CLI and examples are applications). */
    private static final Set<String> LIBRARIES = Set.of("config-core", "config-validation", "config-profiles",
            "config-overrides", "config-flags", "config-kubernetes", "config-migration", "config-sops",
            "config-flags-openfeature", "config-etcd");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // In a full build core's test classes arrive as its test-jar, which the option above does not know.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.lamina");
    }

    static Optional<String> moduleOf(String packageName) {
        return MODULE_ROOTS.keySet().stream()
                .filter(root -> packageName.equals(root) || packageName.startsWith(root + "."))
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .map(MODULE_ROOTS::get);
    }

    static boolean isInternal(String packageName) {
        return packageName.startsWith("dev.lamina.") && (packageName.contains(".internal.")
                || packageName.endsWith(".internal"));
    }

    @Test
    void importsTheClassesOfEveryModule() {
        Set<String> modules = new TreeSet<>();
        classes.forEach(c -> moduleOf(c.getPackageName()).ifPresent(modules::add));
        assertThat(modules).contains("config-core", "config-validation", "config-flags", "config-flags-openfeature",
                "config-cli");
        assertThat(classes.contain("dev.lamina.config.spi.Suggestions")).isTrue();
    }

    @Test
    void everyPackageBelongsToAKnownModule() {
        Set<String> strays = new TreeSet<>();
        for (JavaClass c : classes) {
            String pkg = c.getPackageName();
            Optional<String> module = moduleOf(pkg);
            if (module.isEmpty() || (module.get().equals("config-core") && !CORE_PACKAGES.matcher(pkg).matches())) {
                strays.add(pkg);
            }
        }
        assertThat(strays).as("packages outside the module table of ArchitectureTest (add the new module's root)")
                .isEmpty();
    }

    @Test
    void noModuleReadsAnotherModulesInternalPackages() {
        assertThat(violations(classes, ArchitectureTest::readsForeignInternal))
                .as("dependencies on another module's internal packages").isEmpty();
    }

    static Optional<String> readsForeignInternal(Dependency d) {
        JavaClass target = d.getTargetClass().getBaseComponentType();
        String from = moduleOf(d.getOriginClass().getPackageName()).orElse("?");
        if (isInternal(target.getPackageName())
                && !from.equals(moduleOf(target.getPackageName()).orElse("?"))) {
            return Optional.of(from + ": " + d.getDescription());
        }
        return Optional.empty();
    }

    @Test
    void coreDependsOnNoOtherLaminaModule() {
        assertThat(violations(classes, ArchitectureTest::coreReadsAnotherModule))
                .as("config-core depending on other Lamina modules").isEmpty();
    }

    static Optional<String> coreReadsAnotherModule(Dependency d) {
        JavaClass target = d.getTargetClass().getBaseComponentType();
        if (moduleOf(d.getOriginClass().getPackageName()).filter("config-core"::equals).isPresent()
                && target.getPackageName().startsWith("dev.lamina")
                && !moduleOf(target.getPackageName()).filter("config-core"::equals).isPresent()) {
            return Optional.of(d.getDescription());
        }
        return Optional.empty();
    }

    private static List<String> violations(JavaClasses all, Function<Dependency, Optional<String>> rule) {
        List<String> out = new ArrayList<>();
        for (JavaClass c : all) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                rule.apply(d).ifPresent(out::add);
            }
        }
        Collections.sort(out);
        return out;
    }

    @Test
    void publicSignaturesExposeNoInternalOrJacksonType() {
        List<String> out = new ArrayList<>();
        for (JavaClass c : classes) {
            if (isApi(c)) {
                out.addAll(exposures(c));
            }
        }
        assertThat(out).as("internal or Jackson types in public signatures").isEmpty();
    }

    static boolean isApi(JavaClass c) {
        Optional<String> module = moduleOf(c.getPackageName());
        if (module.isEmpty() || !LIBRARIES.contains(module.get()) || isInternal(c.getPackageName())
                || c.getSimpleName().equals("package-info") || c.getSimpleName().equals("module-info")) {
            return false;
        }
        for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
            if (!k.get().getModifiers().contains(JavaModifier.PUBLIC) || k.get().isAnonymousClass()
                    || k.get().isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    static List<String> exposures(JavaClass c) {
        List<String> out = new ArrayList<>();
        c.getSuperclass().ifPresent(t -> check(c.getName() + " extends", t, out));
        c.getInterfaces().forEach(t -> check(c.getName() + " implements", t, out));
        c.getTypeParameters().forEach(v -> v.getUpperBounds().forEach(b -> check(c.getName() + " <" + v.getName()
                + ">", b, out)));
        for (JavaField f : c.getFields()) {
            if (visible(f)) {
                check(f.getFullName(), f.getType(), out);
            }
        }
        for (JavaCodeUnit u : c.getCodeUnits()) {
            if (!visible(u)) {
                continue;
            }
            check(u.getFullName() + " returns", u.getReturnType(), out);
            u.getParameterTypes().forEach(t -> check(u.getFullName() + " parameter", t, out));
            u.getExceptionTypes().forEach(t -> check(u.getFullName() + " throws", t, out));
            for (JavaTypeVariable<?> v : u.getTypeParameters()) {
                v.getUpperBounds().forEach(b -> check(u.getFullName() + " <" + v.getName() + ">", b, out));
            }
        }
        return out;
    }

    private static boolean visible(JavaMember m) {
        Set<JavaModifier> mods = m.getModifiers();
        return (mods.contains(JavaModifier.PUBLIC) || mods.contains(JavaModifier.PROTECTED))
                && !mods.contains(JavaModifier.SYNTHETIC) && !mods.contains(JavaModifier.BRIDGE);
    }

    private static void check(String where, JavaType type, List<String> out) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            String pkg = raw.getBaseComponentType().getPackageName();
            if (isInternal(pkg) || pkg.startsWith("com.fasterxml.jackson")) {
                out.add(where + ": " + raw.getName());
            }
        }
    }

    /** The rules must be able to fail: fixtures in this test tree break each one. */
    @Test
    void rulesRejectTheFixturesThatBreakThem() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(
                dev.lamina.config.internal.archfixture.CoreReadingCli.class,
                dev.lamina.config.flags.archfixture.LeakyApi.class);
        assertThat(violations(fixtures, ArchitectureTest::coreReadsAnotherModule))
                .anySatisfy(v -> assertThat(v).contains("CoreReadingCli").contains("dev.lamina.config.cli.ConfigCtl"));
        assertThat(violations(fixtures, ArchitectureTest::readsForeignInternal))
                .anySatisfy(v -> assertThat(v).startsWith("config-flags: ").contains("LeakyApi")
                        .contains("dev.lamina.config.internal.tree.Trees"));
        JavaClass leaky = fixtures.get(dev.lamina.config.flags.archfixture.LeakyApi.class);
        assertThat(isApi(leaky)).isTrue();
        assertThat(exposures(leaky)).containsExactlyInAnyOrder(
                "dev.lamina.config.flags.archfixture.LeakyApi.trees: dev.lamina.config.internal.tree.Trees",
                "dev.lamina.config.flags.archfixture.LeakyApi.first(java.util.List) returns: "
                        + "com.fasterxml.jackson.databind.JsonNode",
                "dev.lamina.config.flags.archfixture.LeakyApi.first(java.util.List) parameter: "
                        + "com.fasterxml.jackson.databind.JsonNode");
    }

    @Test
    void noModuleDescriptorExportsOrOpensAnInternalPackage() throws IOException {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        Enumeration<URL> descriptors = getClass().getClassLoader().getResources("module-info.class");
        while (descriptors.hasMoreElements()) {
            ModuleDescriptor d;
            try (InputStream in = descriptors.nextElement().openStream()) {
                d = ModuleDescriptor.read(in);
            }
            if (!d.name().startsWith("dev.lamina")) {
                continue;
            }
            seen.add(d.name());
            d.exports().stream().filter(e -> isInternal(e.source())).forEach(e -> out.add(d.name() + " " + e));
            d.opens().stream().filter(o -> isInternal(o.source())).forEach(o -> out.add(d.name() + " " + o));
        }
        assertThat(seen).contains("dev.lamina.config", "dev.lamina.config.validation", "dev.lamina.config.flags");
        assertThat(out).as("module descriptors exporting or opening internal packages").isEmpty();
    }

    /** Matches {@code dev.lamina.<...>.internal} named in an import or a qualified name. */
    private static final Pattern INTERNAL_REFERENCE = Pattern.compile("\\bdev\\.lamina\\.[\\w.]*\\binternal\\b");

    @Test
    void examplesAndBenchmarksImportNothingInternal() {
        Path repo = repositoryRoot();
        List<String> out = new ArrayList<>();
        for (String module : List.of("examples", "benchmarks")) {
            Path src = repo.resolve(module).resolve("src");
            assertThat(src).isDirectory();
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    try {
                        List<String> lines = Files.readAllLines(p);
                        for (int i = 0; i < lines.size(); i++) {
                            Matcher m = INTERNAL_REFERENCE.matcher(lines.get(i));
                            if (m.find()) {
                                out.add(repo.relativize(p) + ":" + (i + 1) + ": " + m.group());
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(out).as("references to internal packages from examples or benchmarks").isEmpty();
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("config-core")) && Files.isDirectory(p.resolve("examples"))) {
                return p;
            }
        }
        throw new IllegalStateException("the repository root is not above " + Path.of("").toAbsolutePath());
    }
}
