package dev.lamina.config.internal.parse;

import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;

import dev.lamina.config.ConfigLimitException;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Origin;

/**
 * Builds the exceptions the parsers throw. Every reason is written here or by the caller; no text from the
 * document or from Jackson/Woodstox messages is passed through, because it could quote a secret.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * @param source the source's name
     * @param line   1-based line, or any value below 1 when unknown
     * @param column 1-based column, or any value below 1 when unknown
     * @return an origin with the unknown parts set to {@code -1}
     */
    public static Origin at(String source, long line, long column) {
        int l = line > 0 && line <= Integer.MAX_VALUE ? (int) line : -1;
        int c = l > 0 && column > 0 && column <= Integer.MAX_VALUE ? (int) column : -1;
        return new Origin(source, l, c);
    }

    /**
     * @param source   the source's name
     * @param location a Jackson location, or {@code null}
     * @return the origin of that location
     */
    public static Origin at(String source, JsonLocation location) {
        return location == null ? Origin.of(source) : at(source, location.getLineNr(), location.getColumnNr());
    }

    /**
     * @param segments the path segments so far, or {@code null}
     * @return the config path, or {@code null} for the root
     */
    public static ConfigPath path(List<String> segments) {
        return segments == null || segments.isEmpty() ? null : ConfigPath.of(segments);
    }

    /**
     * @param origin where
     * @param path   which path, or {@code null}
     * @param reason why, written by us
     * @return the exception to throw
     */
    public static ConfigParseException parse(Origin origin, ConfigPath path, String reason) {
        return new ConfigParseException(origin, path, reason);
    }

    /**
     * A limit was hit.
     *
     * @param origin     where
     * @param path       which path, or {@code null}
     * @param what       what exceeded the limit, e.g. {@code "nesting depth"}
     * @param limitName  the {@code ParseLimits} component to raise, e.g. {@code "maxDepth"}
     * @param limitValue the configured value
     * @return the exception to throw
     */
    public static ConfigLimitException limit(Origin origin, ConfigPath path, String what, String limitName,
                                             long limitValue) {
        return new ConfigLimitException(origin, path, what + " exceeds the limit ParseLimits." + limitName + " = "
                + limitValue + " (raise it with ParseLimits.with" + Character.toUpperCase(limitName.charAt(0))
                + limitName.substring(1) + " if the document is trusted)");
    }
}
