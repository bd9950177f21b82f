/**
 * The music-streaming example domain of the built-in rules: the thresholds of
 * {@code RulePacks.musicStreaming(StreamingPolicy)}. Opt-in: nothing outside the streaming pack refers to it.
 */
package dev.lamina.config.validation.rules.streaming;
