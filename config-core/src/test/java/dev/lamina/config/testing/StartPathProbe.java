package dev.lamina.config.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;

/**
 * What a YAML-only service does at start, in a JVM of its own (see {@code StartPathTest}): a manager on a directory
 * with inheritance, its first load, one {@code getInt}. Written without lambdas, so that every lambda class the JVM
 * reports belongs to the library or the JDK.
 */
public final class StartPathProbe {

    private StartPathProbe() {
    }

    /**
     * @param args the directory to write the configuration into
     * @throws Exception on failure (the exit status tells the test)
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.writeString(dir.resolve("base.yaml"), "service:\n  name: demo\n  port: 8080\ndatabase:\n"
                + "  url: jdbc:postgresql://db:5432/app\n  pool:\n    max_size: 10\n  password: ${DB_PASSWORD:-changeme}\n"
                + "tags: [a, b]\n");
        Files.writeString(dir.resolve("environments.yaml"), "environments:\n  production:\n    extends: staging\n");
        Files.writeString(dir.resolve("staging.yaml"), "database:\n  pool:\n    max_size: 15\n");
        Files.writeString(dir.resolve("production.yaml"), "database:\n  pool:\n    max_size: 20\n");
        try (ConfigurationManager manager = new ConfigurationManager(
                ConfigurationOptions.builder().directory(dir).build())) {
            System.out.println("getInt " + manager.loadEnvironmentConfig("production").getInt("database.pool.max_size"));
        }
    }
}
