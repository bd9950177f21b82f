package dev.lamina.config.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;

/**
 * Run by {@code OptionalDependenciesTest} in a JVM whose class path lacks core's optional libraries (TOML, XML,
 * Caffeine, Micrometer): everything a YAML-only service does must work, and a file that needs a missing library must
 * fail with a message naming it. Prints one line per check.
 */
public final class YamlOnlyProbe {

    /** A record to bind. */
    public record Pool(int maxSize, Duration timeout) {
    }

    private YamlOnlyProbe() {
    }

    /**
     * @param args the directory to work in
     * @throws Exception on any unexpected failure (the parent test sees the stack trace)
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        for (String missing : new String[] {"com.github.benmanes.caffeine.cache.Caffeine",
                "io.micrometer.core.instrument.MeterRegistry", "com.fasterxml.jackson.dataformat.toml.TomlFactory",
                "com.fasterxml.jackson.dataformat.xml.XmlFactory"}) {
            try {
                Class.forName(missing);
                System.out.println("present " + missing);
            } catch (ClassNotFoundException expected) {
                System.out.println("absent " + missing);
            }
        }
        Path yaml = Files.createDirectories(dir.resolve("yaml"));
        Files.writeString(yaml.resolve("base.yaml"), "pool:\n  maxSize: 10\n  timeout: 5s\n");
        Files.writeString(yaml.resolve("staging.yaml"), "pool:\n  maxSize: 20\n");
        Files.createDirectories(yaml.resolve("tenants"));
        Files.writeString(yaml.resolve("tenants/acme.yaml"), "pool:\n  maxSize: 30\n");
        try (ConfigurationManager manager = new ConfigurationManager(
                ConfigurationOptions.builder().directory(yaml).build())) {
            System.out.println("getInt " + manager.loadEnvironmentConfig("staging").getInt("pool.maxSize"));
            System.out.println("bind " + manager.bind("pool", Pool.class));
            System.out.println("cached " + manager.get("pool.maxSize", int.class) + " "
                    + manager.get("pool.maxSize", int.class) + " hits=" + manager.cacheStats().hits());
            System.out.println("tenant " + manager.forTenant("acme").getInt("pool.maxSize"));
            System.out.println("update " + manager.updateConfig("pool.maxSize", 25).configuration()
                    .getInt("pool.maxSize"));
        }
        for (String ext : new String[] {"toml", "xml"}) {
            Path d = Files.createDirectories(dir.resolve(ext));
            Files.writeString(d.resolve("staging." + ext), ext.equals("toml") ? "a = 1\n" : "<config><a>1</a></config>\n");
            try (ConfigurationManager manager = new ConfigurationManager(
                    ConfigurationOptions.builder().directory(d).build())) {
                manager.loadEnvironmentConfig("staging");
                System.out.println(ext + " loaded");
            } catch (ConfigException e) {
                System.out.println(ext + " refused: " + e.getMessage());
            }
        }
    }
}
