package dev.lamina.config.cli;

import dev.lamina.config.ConfigPath;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a PATH argument; a malformed path is a usage error (exit 2), not a configuration error. */
final class PathConverter implements ITypeConverter<ConfigPath> {

    @Override
    public ConfigPath convert(String value) {
        try {
            return ConfigPath.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
