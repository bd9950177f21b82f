package dev.lamina.config.profiles.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Format;
import dev.lamina.config.LayerContext;
import dev.lamina.config.LayerMetadata;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;

/**
 * How the catalog reads files: through a provider's {@link LayerContext} during a load (so that hot reload watches
 * what was read), or directly for the standalone {@code ProfileManager}. Either way through core's hardened parsers.
 */
public interface ProfileFiles {

    /**
     * @param directory a directory
     * @return its configuration files, sorted by name; empty when it does not exist
     */
    List<Path> list(Path directory);

    /**
     * @param file a configuration file
     * @return its tree, every node with its origin
     */
    ConfigObject parse(Path file);

    /**
     * @param sourceName the name origins carry
     * @param content    YAML bytes
     * @return the tree
     */
    ConfigObject parseYaml(String sourceName, byte[] content);

    /**
     * @param context the provider's context (valid for one call)
     * @return files read through it
     */
    static ProfileFiles of(LayerContext context) {
        Objects.requireNonNull(context, "context");
        return new ProfileFiles() {
            @Override
            public List<Path> list(Path directory) {
                return context.listFiles(directory);
            }

            @Override
            public ConfigObject parse(Path file) {
                // listFiles returns paths below the configuration directory, and parseFile resolves a relative path
                // against it again: hand it back relative to the directory.
                Path relative = file.isAbsolute() == context.baseDirectory().isAbsolute()
                        && file.startsWith(context.baseDirectory()) ? context.baseDirectory().relativize(file) : file;
                return context.parseFile(relative, LayerMetadata.of(dev.lamina.config.LayerKind.PROFILE,
                        file.getFileName().toString())).root();
            }

            @Override
            public ConfigObject parseYaml(String sourceName, byte[] content) {
                return context.parse(sourceName, Format.YAML, content);
            }
        };
    }

    /**
     * @param limits the parse limits
     * @return files read directly
     */
    static ProfileFiles direct(ParseLimits limits) {
        Objects.requireNonNull(limits, "limits");
        return new ProfileFiles() {
            @Override
            public List<Path> list(Path directory) {
                List<Path> out = new ArrayList<>();
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                    for (Path p : entries) {
                        if (Files.isRegularFile(p) && Format.fromFileName(p.getFileName().toString()).isPresent()) {
                            out.add(p);
                        }
                    }
                } catch (NoSuchFileException | NotDirectoryException e) {
                    return List.of();
                } catch (IOException e) {
                    throw new ConfigSourceException(Origin.of(directory.toString()), null,
                            "cannot list the directory (" + e.getClass().getSimpleName() + ")", e);
                }
                out.sort(null);
                return List.copyOf(out);
            }

            @Override
            public ConfigObject parse(Path file) {
                return ConfigSources.file(file).read(limits).get(0).root();
            }

            @Override
            public ConfigObject parseYaml(String sourceName, byte[] content) {
                return ConfigDocuments.parse(sourceName, Format.YAML, content, limits);
            }
        };
    }
}
