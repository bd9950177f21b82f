package dev.lamina.config.etcd;

/**
 * How the keys under an {@link EtcdSource}'s prefix map to configuration (see {@code docs/fleet.md}).
 */
public enum EtcdLayout {
    /**
     * One key per value: {@code <prefix>server/port} holds {@code 8080} and becomes {@code server.port}. Values are
     * scalars kept as written (so {@code 8080} reads as an int, {@code 0755} as a string). One layer.
     */
    TREE,
    /**
     * One key per layer, holding a whole YAML, JSON, TOML, XML or properties document parsed by core's hardened
     * parser; the format comes from the key's extension ({@code <prefix>base.yaml}), YAML when it has none. Layers
     * apply in key order (later keys win).
     */
    DOCUMENTS
}
