package dev.lamina.config.internal.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

import dev.lamina.config.ConfigSource;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Format;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.internal.parse.DocumentParser;

/** A classpath resource, named {@code classpath:<resource>}; re-read on every {@link #read}. Immutable. */
public final class ClasspathSource implements ConfigSource {

    private final String resource;
    private final String name;
    private final Format format;
    private final ClassLoader loader;

    /**
     * @param resource the resource path; a leading {@code /} is ignored
     * @param loader   the class loader to read it from
     * @throws ConfigSourceException if the extension is not one Lamina reads
     */
    public ClasspathSource(String resource, ClassLoader loader) {
        Objects.requireNonNull(resource, "resource");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.resource = resource.startsWith("/") ? resource.substring(1) : resource;
        if (this.resource.isBlank()) {
            throw new IllegalArgumentException("resource must not be blank");
        }
        this.name = "classpath:" + this.resource;
        this.format = FileSource.formatOf(name, this.resource);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Layer> read(ParseLimits limits) {
        Objects.requireNonNull(limits, "limits");
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigSourceException(Origin.of(name), null, "classpath resource not found");
            }
            bytes = Reading.readBounded(name, in, limits);
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of(name), null,
                    "cannot read classpath resource (" + e.getClass().getSimpleName() + ")", e);
        }
        return List.of(new Layer(name, DocumentParser.parse(name, format, bytes, limits)));
    }

    @Override
    public String toString() {
        return name;
    }
}
