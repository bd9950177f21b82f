package dev.lamina.config.sops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.DocumentDecoder;
import dev.lamina.config.Layer;
import dev.lamina.config.sops.internal.SopsDocument;
import dev.lamina.config.sops.internal.SopsKeys;

/**
 * Decrypts YAML and JSON files encrypted by SOPS 3.x while they are loaded. A file is recognised by its content (a
 * top-level {@code sops} object holding {@code mac} and {@code version}), so it keeps its ordinary name
 * ({@code production.yaml}). Its {@code ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]} values are decrypted with the
 * file's data key and typed by {@code type}; keys ending in the file's {@code unencrypted_suffix} (and the other
 * SOPS selection rules: {@code encrypted_suffix}, {@code unencrypted_regex}, {@code encrypted_regex}) are honoured;
 * the MAC over all values is verified, and a file whose MAC does not match is refused; the {@code sops} block is
 * removed from the tree. Decrypted values are secret.
 *
 * <p>The data key is unwrapped from the file's age (X25519) recipient stanzas with an identity from
 * {@code SOPS_AGE_KEY_FILE} or {@code SOPS_AGE_KEY} ({@link #fromEnvironment(Map)}) or from code; a raw data key may
 * also be given from code. PGP and cloud KMS stanzas are ignored; when no identity opens the file, the error lists
 * the recipients it is encrypted for.
 *
 * <p>Register with {@code ConfigurationOptions.builder().addDocumentDecoder(SopsDecoder.fromEnvironment(System.getenv()))}.
 * Immutable and thread-safe; key files are read when a SOPS file is decoded, so a service without SOPS files never
 * needs them.
 */
public final class SopsDecoder implements DocumentDecoder {

    /** The variable naming a file of age identities (SOPS's own). */
    public static final String AGE_KEY_FILE_VARIABLE = "SOPS_AGE_KEY_FILE";

    /** The variable holding age identities, one per line (SOPS's own). */
    public static final String AGE_KEY_VARIABLE = "SOPS_AGE_KEY";

    private final SopsKeys keys;

    private SopsDecoder(SopsKeys keys) {
        this.keys = keys;
    }

    /**
     * A decoder with the identities of {@code SOPS_AGE_KEY_FILE} and {@code SOPS_AGE_KEY} in these variables.
     *
     * @param environment the variables, e.g. {@code System.getenv()}
     * @return the decoder
     */
    public static SopsDecoder fromEnvironment(Map<String, String> environment) {
        Builder b = builder();
        String file = environment.get(AGE_KEY_FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            b.ageKeyFile(Path.of(file));
        }
        String inline = environment.get(AGE_KEY_VARIABLE);
        if (inline != null && !inline.isBlank()) {
            b.ageIdentities(inline);
        }
        return b.build();
    }

    /** @return a builder with no keys */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean accepts(ConfigObject root) {
        return SopsDocument.isSops(root);
    }

    @Override
    public Decoded decode(Layer layer) {
        SopsDocument.Result r = SopsDocument.decrypt(layer.name(), layer.root(), keys);
        return new Decoded(r.root(), r.secretPaths());
    }

    /** @return the number of key sources, never a key */
    @Override
    public String toString() {
        return "SopsDecoder[" + keys + "]";
    }

    /** Builds a {@link SopsDecoder}. Not thread-safe. */
    public static final class Builder {
        private final List<String> identities = new ArrayList<>();
        private final List<Path> keyFiles = new ArrayList<>();
        private final List<byte[]> dataKeys = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param identities age identities ({@code AGE-SECRET-KEY-1…}), one per line; {@code #} lines are comments
         * @return this builder
         */
        public Builder ageIdentities(String identities) {
            Objects.requireNonNull(identities, "identities");
            for (String line : identities.split("\\R")) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    this.identities.add(s);
                }
            }
            return this;
        }

        /**
         * @param file a file of age identities (as written by {@code age-keygen}), read when a SOPS file is decoded;
         *             refused when group or others may access it
         * @return this builder
         */
        public Builder ageKeyFile(Path file) {
            keyFiles.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /**
         * @param dataKey a file's 32-byte data key, tried before the age stanzas (copied); the MAC tells whether it is
         *                the right one
         * @return this builder
         */
        public Builder dataKey(byte[] dataKey) {
            Objects.requireNonNull(dataKey, "dataKey");
            if (dataKey.length != 32) {
                throw new IllegalArgumentException("a SOPS data key is 32 bytes, got " + dataKey.length);
            }
            dataKeys.add(dataKey.clone());
            return this;
        }

        /** @return the decoder */
        public SopsDecoder build() {
            return new SopsDecoder(new SopsKeys(identities, keyFiles, dataKeys));
        }
    }
}
