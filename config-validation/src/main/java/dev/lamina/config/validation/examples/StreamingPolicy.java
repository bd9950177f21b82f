package dev.lamina.config.validation.examples;

import java.util.Set;

/**
 * Thresholds of the music-streaming pack. Immutable; start from {@link #DEFAULTS}.
 *
 * @param knownCodecs the codecs accepted (lower case)
 * @param tolerance   how far a sum may be from its target (1.0 for weights, 100 for splits)
 */
public record StreamingPolicy(Set<String> knownCodecs, double tolerance) {

    /** The documented defaults. */
    public static final StreamingPolicy DEFAULTS = new StreamingPolicy(
            Set.of("aac", "he-aac", "mp3", "ogg", "vorbis", "opus", "flac", "alac", "wav", "pcm"), 1e-6);

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if the set is {@code null}
     * @throws IllegalArgumentException if the set is empty or the tolerance negative
     */
    public StreamingPolicy {
        knownCodecs = Set.copyOf(knownCodecs);
        if (knownCodecs.isEmpty() || !(tolerance >= 0)) {
            throw new IllegalArgumentException("knownCodecs must not be empty and tolerance must be >= 0");
        }
    }
}
