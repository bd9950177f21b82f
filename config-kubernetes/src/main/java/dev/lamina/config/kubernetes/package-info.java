/** Kubernetes ConfigMap and Secret manifests from a configuration ({@link dev.lamina.config.kubernetes.ConfigMapManager}). */
package dev.lamina.config.kubernetes;
