package dev.lamina.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a path has the value it has: every layer's candidate, in precedence order (lowest first), and the
 * one that won. Secret values appear as {@value SecretPolicy#MASK}.
 *
 * @param path       the path explained
 * @param value      the value in force after interpolation, masked if secret; empty when the path is absent
 * @param candidates each layer's candidate for the path, lowest precedence first
 * @param reason     one sentence saying why the winner won, or why the path is absent
 */
public record Explanation(ConfigPath path, Optional<String> value, List<Candidate> candidates, String reason) {

    /** Copies the candidates and checks that nothing is {@code null}. */
    public Explanation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * {@link Configuration#explain} masks secret values by the snapshot's one answer before it builds an
     * explanation; this text masks again by the default name rule and envelopes, for one built by hand.
     *
     * @return the path, the value, the reason and every candidate, values masked when secret
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Explanation[path=").append(path).append(", value=")
                .append(value.map(this::shown).orElse("(absent)")).append(", reason=").append(reason)
                .append(", candidates=[");
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            sb.append(i == 0 ? "" : ", ").append(c.layer()).append(" at ").append(c.describe()).append(" = ")
                    .append(c.deletes() ? "null" : shown(c.displayValue()))
                    .append(c.won() ? " (won)" : "").append(c.deletes() ? " (deletes)" : "");
        }
        return sb.append("]]").toString();
    }

    private String shown(String display) {
        return SecretPolicy.DEFAULT.display(path, display);
    }

    /** @return the winning candidate, or empty when the path is absent */
    public Optional<Candidate> winner() {
        return candidates.stream().filter(Candidate::won).findFirst();
    }

    /**
     * One layer's contribution to a path.
     *
     * @param layer        the layer's name
     * @param origin       where the candidate was written
     * @param displayValue the value as written (before interpolation), masked if secret; {@code object} or
     *                     {@code list} for containers, {@code null} for an explicit null
     * @param won          {@code true} for the candidate in force
     * @param deletes      {@code true} when the candidate is an explicit null that deletes the key
     * @param metadata     the layer's kind and description ({@code profile HIGH_VOLUME})
     */
    public record Candidate(String layer, Origin origin, String displayValue, boolean won, boolean deletes,
                            LayerMetadata metadata) {

        /** Checks that no component is {@code null}. */
        public Candidate {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(displayValue, "displayValue");
            Objects.requireNonNull(metadata, "metadata");
        }

        /**
         * A candidate of a {@link LayerKind#FILE file} layer described by its name.
         *
         * @param layer        the layer's name
         * @param origin       where the candidate was written
         * @param displayValue the value as written, masked if secret
         * @param won          {@code true} for the candidate in force
         * @param deletes      {@code true} for an explicit null that deletes the key
         */
        public Candidate(String layer, Origin origin, String displayValue, boolean won, boolean deletes) {
            this(layer, origin, displayValue, won, deletes, LayerMetadata.of(LayerKind.FILE, layer));
        }

        /**
         * @return where the candidate comes from, for messages: the origin for a file, else the layer's
         *         description and the origin, e.g. {@code profile HIGH_VOLUME (profiles/high-volume.yaml:4:3)}
         */
        public String describe() {
            return metadata.kind() == LayerKind.FILE ? origin.toString()
                    : metadata.description() + " (" + origin + ")";
        }

        /**
         * A candidate does not know its path, so its text leaves the value out; {@link Explanation#toString()}
         * shows it, masked when the path is secret.
         *
         * @return the layer, where it was written, and whether it won or deletes
         */
        @Override
        public String toString() {
            return "Candidate[layer=" + layer + ", origin=" + origin + ", won=" + won + ", deletes=" + deletes
                    + ", metadata=" + metadata + "]";
        }
    }
}
