package dev.lamina.config.validation.internal.schema;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.Configuration;

/** Decides whether a value may be quoted in a finding: the configuration's one answer, and secret when in doubt. */
public final class Secrets {

    private Secrets() {
    }

    /**
     * @param config the configuration
     * @param path   a path, which may not exist
     * @return {@link Configuration#isSecret(String)} (names, declared paths, encrypted and marked values); when in
     *         doubt (the configuration throws), {@code true}
     */
    public static boolean isSecret(Configuration config, ConfigPath path) {
        try {
            return config.isSecret(path.toString());
        } catch (RuntimeException e) {
            return true;
        }
    }
}
