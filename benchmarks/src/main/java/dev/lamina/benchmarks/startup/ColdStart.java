package dev.lamina.benchmarks.startup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * One cold start per process: what a service does before its first read, for Lamina and the peers, on the same
 * content. Run by {@code benchmarks/startup/cold-start.sh} (whole process: wall, CPU, classes loaded) and by
 * {@link ColdStartBenchmark} (JMH single-shot, many forks).
 *
 * <p>{@code lamina DIR ENV PATH}: a {@link ConfigurationManager} on the directory, {@code loadEnvironmentConfig},
 * one {@code getInt}. {@code lightbend FILE.json PATH}: {@code ConfigFactory.parseFile(file).resolve()}, one
 * {@code getInt}. {@code smallrye FILE.properties PATH}: a {@code SmallRyeConfig} over the properties, one
 * {@code getValue(path, Integer.class)}. The JSON and properties files hold Lamina's merged result for the same
 * environment, written by {@code cold-start.sh} with {@code configctl export}.
 */
public final class ColdStart {

    private ColdStart() {
    }

    /**
     * @param args {@code lamina DIR ENV PATH}, {@code lightbend FILE PATH} or {@code smallrye FILE PATH}
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        int value = switch (args[0]) {
            case "lamina" -> lamina(Path.of(args[1]), args[2], args[3]);
            case "lightbend" -> lightbend(Path.of(args[1]), args[2]);
            case "smallrye" -> smallrye(Path.of(args[1]), args[2]);
            default -> throw new IllegalArgumentException("unknown library " + args[0]);
        };
        if (value == Integer.MIN_VALUE) {
            System.out.println(value); // keeps the read alive; never printed for the example content
        }
    }

    static int lamina(Path dir, String env, String path) {
        try (ConfigurationManager manager = new ConfigurationManager(
                ConfigurationOptions.builder().directory(dir).build())) {
            return manager.loadEnvironmentConfig(env).getInt(path);
        }
    }

    static int lightbend(Path json, String path) {
        Config config = ConfigFactory.parseFile(json.toFile()).resolve();
        return config.getInt(path);
    }

    static int smallrye(Path properties, String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            p.load(in);
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(p, properties.toString(), 100))
                .build();
        return config.getValue(path, Integer.class);
    }
}
