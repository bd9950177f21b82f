package dev.lamina.config.kubernetes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.kubernetes.internal.ManifestYaml;

/**
 * One Kubernetes object a {@link ConfigMapManager} built: a {@code ConfigMap} holding non-secret values or an
 * {@code Opaque Secret} holding secret ones. Immutable and thread-safe. {@link #toString()} never shows values;
 * {@link #toYaml()} does (base64-encoded for a Secret, which is encoding, not encryption: keep Secret manifests out
 * of version control or encrypt them).
 *
 * @param kind        what the object is
 * @param name        {@code metadata.name} (hash suffix included when asked for)
 * @param namespace   {@code metadata.namespace}
 * @param labels      {@code metadata.labels}, in order
 * @param annotations {@code metadata.annotations}, in order
 * @param data        key to value, as the pod sees it (a Secret's are not yet base64-encoded), in order
 */
public record Manifest(Kind kind, String name, String namespace, Map<String, String> labels,
                       Map<String, String> annotations, Map<String, String> data) {

    /** The two kinds of object. */
    public enum Kind {
        /** {@code v1 ConfigMap}. */
        CONFIG_MAP("ConfigMap"),
        /** {@code v1 Secret} of type {@code Opaque}. */
        SECRET("Secret");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** @return the {@code kind:} field, {@code ConfigMap} or {@code Secret} */
        public String text() {
            return text;
        }
    }

    /**
     * Copies the maps, keeping their order.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public Manifest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /**
     * @param key a data key
     * @return the value the pod sees for it, when present
     */
    public Optional<String> value(String key) {
        return Optional.ofNullable(data.get(key));
    }

    /** @return {@code data} as written in the manifest: the values for a ConfigMap, base64 for a Secret */
    public Map<String, String> manifestData() {
        if (kind == Kind.CONFIG_MAP) {
            return data;
        }
        Map<String, String> out = new LinkedHashMap<>();
        data.forEach((k, v) -> out.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return out;
    }

    /** @return the manifest as one YAML document (no {@code ---} line), ending with a newline */
    public String toYaml() {
        StringBuilder out = new StringBuilder(256);
        out.append("apiVersion: v1\n").append("kind: ").append(kind.text()).append('\n').append("metadata:\n");
        out.append("  name: ").append(ManifestYaml.quoted(name)).append('\n');
        out.append("  namespace: ").append(ManifestYaml.quoted(namespace)).append('\n');
        ManifestYaml.stringMap(out, 2, "labels", labels);
        ManifestYaml.stringMap(out, 2, "annotations", annotations);
        if (kind == Kind.SECRET) {
            out.append("type: Opaque\n");
        }
        Map<String, String> written = manifestData();
        if (!written.isEmpty()) {
            out.append("data:\n");
            written.forEach((k, v) -> ManifestYaml.entry(out, 2, k, v));
        }
        return out.toString();
    }

    /** @return kind, namespace, name and data keys; never a value */
    @Override
    public String toString() {
        return kind.text() + " " + namespace + "/" + name + " " + data.keySet();
    }
}
