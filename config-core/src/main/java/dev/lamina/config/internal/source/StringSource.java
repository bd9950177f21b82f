package dev.lamina.config.internal.source;

import java.util.List;
import java.util.Objects;

import dev.lamina.config.ConfigSource;
import dev.lamina.config.Format;
import dev.lamina.config.Layer;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.internal.parse.DocumentParser;

/** A document held in memory, parsed on every {@link #read} with the caller's limits. Immutable. */
public final class StringSource implements ConfigSource {

    private final String name;
    private final Format format;
    private final String content;

    /**
     * @param name    the source's name; not blank
     * @param format  the content's format
     * @param content the document
     */
    public StringSource(String name, Format format, String content) {
        this.name = Sources.requireName(name);
        this.format = Objects.requireNonNull(format, "format");
        this.content = Objects.requireNonNull(content, "content");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Layer> read(ParseLimits limits) {
        return List.of(new Layer(name, DocumentParser.parse(name, format, content, limits)));
    }

    @Override
    public String toString() {
        return "string " + name + " (" + format + ")";
    }
}
