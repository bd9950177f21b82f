package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The BOM lists every library module of the reactor at the reactor's version, so importing it never misses one. */
class BomTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBomManagesEveryLibraryModuleAtTheReactorVersion() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        List<String> modules = all(Pattern.compile("<module>(config-[a-z-]+)</module>"), parent);
        List<String> managed = all(Pattern.compile("<artifactId>(config-[a-z-]+)</artifactId>"), bom);

        assertThat(modules).isNotEmpty();
        assertThat(managed).containsExactlyInAnyOrderElementsOf(modules);
        assertThat(first(Pattern.compile("<version>([^<]+)</version>"), bom))
                .isEqualTo(first(Pattern.compile("<version>([^<]+)</version>"), parent));
    }

    private static List<String> all(Pattern p, String text) {
        return p.matcher(text).results().map(r -> r.group(1)).toList();
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
