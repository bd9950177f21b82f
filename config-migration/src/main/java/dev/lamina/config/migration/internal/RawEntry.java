package dev.lamina.config.migration.internal;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.Origin;

/**
 * One key as a legacy file wrote it: the dotted key ({@code db.pool.size}, an INI key prefixed with its section),
 * its value (a string scalar, or a list for YAML input) and where the key stands.
 *
 * @param key    the key as written, dotted
 * @param value  the value node
 * @param origin file, line and column of the key
 */
public record RawEntry(String key, ConfigNode value, Origin origin) {
}
