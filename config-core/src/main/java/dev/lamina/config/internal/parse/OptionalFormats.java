package dev.lamina.config.internal.parse;

import dev.lamina.config.ConfigParseException;
import dev.lamina.config.Format;
import dev.lamina.config.Origin;

/**
 * TOML and XML are read by optional Jackson modules (docs/installation.md): an application that never reads them
 * does not carry them. A document in one of them without its jar fails with a message that names the dependency
 * to add, instead of a {@link NoClassDefFoundError} from deep inside a parser.
 */
final class OptionalFormats {

    private OptionalFormats() {
    }

    /**
     * @param source the document's name
     * @param format TOML or XML
     * @throws ConfigParseException naming the Maven coordinates when the format's module is not on the class or
     *                              module path
     */
    static void require(String source, Format format) {
        String probe = format == Format.TOML ? "com.fasterxml.jackson.dataformat.toml.TomlFactory"
                : "com.fasterxml.jackson.dataformat.xml.XmlFactory";
        String artifact = format == Format.TOML ? "jackson-dataformat-toml" : "jackson-dataformat-xml";
        try {
            Class.forName(probe, false, OptionalFormats.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigParseException(Origin.of(source), null, "cannot read " + format.name()
                    + ": the optional dependency com.fasterxml.jackson.dataformat:" + artifact + " is not on the class "
                    + "path; add it next to dev.lamina:config-core (same Jackson version as jackson-databind; on the module path, "
                    + "also --add-modules " + (format == Format.TOML ? "com.fasterxml.jackson.dataformat.toml" : "com.fasterxml.jackson.dataformat.xml") + "), or "
                    + "convert the file to YAML or JSON (see docs/installation.md)");
        }
    }
}
