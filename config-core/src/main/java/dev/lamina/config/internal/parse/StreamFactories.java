package dev.lamina.config.internal.parse;

import java.util.Objects;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

import dev.lamina.config.ParseLimits;

/**
 * The Jackson factories for one {@link ParseLimits}: building them (read constraints, feature flags) costs more
 * than parsing a small file, so they are built once and shared. Jackson factories are thread-safe once configured,
 * and nothing here keeps per-document state: every parse gets its own parser. YAML is not here (Lamina reads it
 * itself, see {@link YamlReader}); TOML and XML are not here either: they are optional jars (see
 * {@link TomlSupport}), and XML's {@code XMLInputFactory} is made per parse because StAX does not promise a
 * configured input factory is safe to share.
 *
 * @param constraints Jackson's read constraints, the same values as the limits (a backstop to our own checks)
 * @param json        the JSON factory
 */
record StreamFactories(StreamReadConstraints constraints, JsonFactory json) {

    /**
     * The factories for {@link ParseLimits#DEFAULTS}, which nearly every caller uses. A constant: the record and
     * its factories are never reconfigured after this line.
     */
    private static final StreamFactories DEFAULTS = build(ParseLimits.DEFAULTS);

    StreamFactories {
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(json, "json");
    }

    /**
     * @param limits the bounds to enforce
     * @return the shared factories for the default limits, or new ones for any other limits (rare: a caller that
     *         tunes limits usually loads a handful of files, and a cache keyed by limits would be mutable state)
     */
    static StreamFactories of(ParseLimits limits) {
        return ParseLimits.DEFAULTS.equals(limits) ? DEFAULTS : build(limits);
    }

    private static StreamFactories build(ParseLimits limits) {
        StreamReadConstraints constraints = JacksonDocuments.constraints(limits);
        return new StreamFactories(constraints,
                JsonFactory.builder()
                        .streamReadConstraints(constraints)
                        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                        .build());
    }
}
