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

    /**
     * Every Maven snippet in the README and docs/ that adds a Lamina module names its version, the reactor's: a
     * reader who copies one gets a resolvable dependency (docs/installation.md shows the BOM that lets them omit it).
     */
    @Test
    void everyLaminaDependencySnippetInTheDocsCarriesTheReactorVersion() throws IOException {
        String version = first(Pattern.compile("<version>([^<]+)</version>"), Files.readString(ROOT.resolve("pom.xml")));
        List<Path> pages;
        try (var s = Files.list(ROOT.resolve("docs"))) {
            pages = new java.util.ArrayList<>(s.filter(p -> p.toString().endsWith(".md")).sorted().toList());
        }
        pages.add(ROOT.resolve("README.md"));
        Pattern snippet = Pattern.compile("<dependency>\\s*<groupId>dev\\.lamina</groupId>\\s*<artifactId>([a-z-]+)"
                + "</artifactId>\\s*(?:<version>([^<]*)</version>)?");
        int seen = 0;
        for (Path page : pages) {
            // Per fenced block: a block that imports the BOM may leave the modules' versions to it.
            for (String block : Files.readString(page).split("```")) {
                boolean bom = block.contains("<artifactId>lamina-bom</artifactId>");
                Matcher m = snippet.matcher(block);
                while (m.find()) {
                    seen++;
                    if (!bom || m.group(1).equals("lamina-bom")) {
                        assertThat(m.group(2)).as(page.getFileName() + ": " + m.group(1)).isEqualTo(version);
                    }
                }
            }
        }
        assertThat(seen).as("dependency snippets found").isGreaterThanOrEqualTo(4);
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
