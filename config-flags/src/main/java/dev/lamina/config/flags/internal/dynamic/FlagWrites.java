package dev.lamina.config.flags.internal.dynamic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Principal;
import dev.lamina.config.UpdateRequest;

/**
 * Flag and experiment writes as runtime updates of the configuration manager: each is one atomic
 * {@link UpdateRequest}, so it is validated, authorized, audited, versioned and undone by a rollback like any
 * other update. Checks its arguments before anything is sent. Stateless.
 */
public final class FlagWrites {

    private FlagWrites() {
    }

    /**
     * @param flag              the flag key (no {@code .})
     * @param enabled           the kill switch
     * @param rolloutPercentage 0..100
     * @param principal         who
     * @param reason            why
     * @return the update setting {@code feature_flags.<flag>.enabled} and {@code .rollout_percentage}
     * @throws IllegalArgumentException if the key is blank or holds a dot, or the percentage is outside 0..100
     */
    public static UpdateRequest setFlag(String flag, boolean enabled, double rolloutPercentage, Principal principal,
                                        String reason) {
        requireKey("flag", flag);
        if (!(rolloutPercentage >= 0 && rolloutPercentage <= 100)) {
            throw new IllegalArgumentException("feature_flags." + flag
                    + ".rollout_percentage must be between 0 and 100, found " + rolloutPercentage);
        }
        // A whole percentage is written as an integer, so the file and the audit show 10, not 10.0.
        Object rollout = rolloutPercentage == Math.rint(rolloutPercentage) ? (Object) (long) rolloutPercentage
                : (Object) rolloutPercentage;
        Map<ConfigPath, Object> values = new LinkedHashMap<>();
        values.put(ConfigPath.of("feature_flags", flag, "enabled"), enabled);
        values.put(ConfigPath.of("feature_flags", flag, "rollout_percentage"), rollout);
        return new UpdateRequest(values, OptionalLong.empty(), Optional.of(principal), Optional.of(reason));
    }

    /**
     * @param name       the experiment's name
     * @param definition its native form
     * @param existing   the definition already at {@code experiments.<name>}, if any
     * @param principal  who
     * @param reason     why
     * @return the update writing {@code experiments.<name>}
     * @throws IllegalArgumentException if an experiment with that name exists: a running experiment is never
     *                                  modified, because changing its split moves users
     */
    public static UpdateRequest createExperiment(String name, Map<String, Object> definition,
                                                 Optional<ConfigNode> existing, Principal principal, String reason) {
        Objects.requireNonNull(name, "name");
        if (existing.isPresent()) {
            throw new IllegalArgumentException("experiments." + name + ": an experiment with that name already "
                    + "exists (" + existing.get().origin().describe() + "); choose a new name");
        }
        return new UpdateRequest(Map.of(ConfigPath.of("experiments", name), definition), OptionalLong.empty(),
                Optional.of(principal), Optional.of(reason));
    }

    private static void requireKey(String what, String key) {
        Objects.requireNonNull(key, what);
        if (key.isBlank() || key.indexOf('.') >= 0) {
            throw new IllegalArgumentException(what + " key must be non-blank and hold no '.', found '" + key + "'");
        }
    }
}
