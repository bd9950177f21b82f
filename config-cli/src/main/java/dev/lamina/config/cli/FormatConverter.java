package dev.lamina.config.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.lamina.config.RenderFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --format} case-insensitively and lists the lower-case names in help. */
final class FormatConverter implements ITypeConverter<RenderFormat> {

    @Override
    public RenderFormat convert(String value) {
        return RenderFormat.fromName(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not one of " + String.join(", ", new Names())));
    }

    /** The format names, for {@code ${COMPLETION-CANDIDATES}}. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (RenderFormat f : RenderFormat.values()) {
                names.add(f.displayName());
            }
            return names.iterator();
        }
    }
}
