/**
 * Lamina for Kubernetes: a configuration exported as ConfigMap and Secret manifests (one key holding the rendered
 * file, or one key per path), Kubernetes' name, key and size rules enforced, and kustomize's content-hash suffix.
 */
module dev.lamina.config.kubernetes {
    requires transitive dev.lamina.config;

    exports dev.lamina.config.kubernetes;
}
