package dev.lamina.config.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the public test vectors in {@code ../shared} beside the repository.
 *
 * <p>The folder is found from the {@code lamina.shared.dir} system property (set by the build to
 * {@code <reactor root>/../shared}), else by walking up from the working directory. When it is absent the
 * calling test is skipped with a message, except under {@code CI=true}, where its absence fails the test:
 * CI must never pass by skipping the suites.
 */
public final class SharedSuites {

    private SharedSuites() {
    }

    /**
     * @param relative a path inside {@code shared/}, for example {@code config-suites/json-merge-patch}
     * @return the existing file or folder
     */
    public static Path require(String relative) {
        Path root = locateRoot();
        Path p = root == null ? null : root.resolve(relative);
        if (p == null || !Files.exists(p)) {
            String msg = "shared test vectors not found: ../shared/" + relative
                    + " (set -Dlamina.shared.dir or check out the repository beside shared/)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(msg);
            }
            Assumptions.abort(msg);
        }
        return p;
    }

    private static Path locateRoot() {
        String prop = System.getProperty("lamina.shared.dir");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("config-suites"))) {
                return candidate;
            }
        }
        return null;
    }
}
