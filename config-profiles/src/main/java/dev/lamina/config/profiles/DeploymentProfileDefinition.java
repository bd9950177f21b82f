package dev.lamina.config.profiles;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lamina.config.Layer;

/**
 * A deployment or user profile, ready to apply: its layers in the order they apply (what it {@code extends} first,
 * then the built-in data, then the user's {@code profiles/<name>.*} refinement), each with
 * {@link dev.lamina.config.LayerKind#PROFILE} metadata so that {@code explain} names the profile.
 *
 * @param name                 the name ({@code HIGH_VOLUME} for a built-in, the file's stem for a user profile)
 * @param description          what it is for, when its data says
 * @param builtIn              {@code true} for the four built-ins (refined or not)
 * @param parents              the profiles it extends, as written
 * @param complianceFrameworks the frameworks it (or a parent) implies, upper case
 * @param layers               the layers to apply, lowest precedence first; never empty
 */
public record DeploymentProfileDefinition(String name, Optional<String> description, boolean builtIn,
                                          List<String> parents, Set<String> complianceFrameworks,
                                          List<Layer> layers) {

    /** Copies the collections and checks that nothing is {@code null}. */
    public DeploymentProfileDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        parents = List.copyOf(parents);
        complianceFrameworks = Set.copyOf(complianceFrameworks);
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a profile has at least one layer");
        }
    }
}
