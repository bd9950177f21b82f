package dev.lamina.config.validation.internal.schema;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Configuration;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.spi.ConfigTrees;

/** Decides whether a value may be quoted in a finding. */
public final class Secrets {

    private Secrets() {
    }

    /**
     * @param config the configuration
     * @param path   a path, which may not exist
     * @return {@code true} when the configuration says the path is secret, its policy names a segment of it, or the
     *         value there is an encrypted envelope; when in doubt (the configuration throws), {@code true}
     */
    public static boolean isSecret(Configuration config, ConfigPath path) {
        try {
            if (config.secretPolicy().isSecret(path)) {
                return true;
            }
            ConfigNode node = ConfigTrees.find(config.root(), path).orElse(null);
            if (node instanceof ConfigScalar s && SecretPolicy.isEncrypted(s.text())) {
                return true;
            }
            return node != null && config.isSecret(path.toString());
        } catch (RuntimeException e) {
            return true;
        }
    }
}
