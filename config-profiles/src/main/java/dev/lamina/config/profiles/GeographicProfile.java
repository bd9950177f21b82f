package dev.lamina.config.profiles;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lamina.config.Layer;

/**
 * A geographic profile: the settings a jurisdiction requires and the compliance frameworks it implies (EU: GDPR,
 * US: CCPA, UK: UK GDPR, BR: LGPD, JP: APPI, KR: PIPA). Its layers sit above every deployment profile, so that a
 * cost profile cannot shorten a retention period the region requires. The frameworks are also in the layers, as
 * {@code compliance.frameworks}, so validation runs their rules and names this profile as the declarer.
 *
 * @param code                 the region code, upper case ({@code EU})
 * @param description          what it covers, when its data says
 * @param builtIn              {@code true} for the six built-ins (refined or not)
 * @param complianceFrameworks the frameworks it implies, upper case
 * @param layers               the layers to apply (the built-in data, then the user's {@code regions/<code>.*})
 */
public record GeographicProfile(String code, Optional<String> description, boolean builtIn,
                                Set<String> complianceFrameworks, List<Layer> layers) {

    /** Copies the collections and checks that nothing is {@code null}. */
    public GeographicProfile {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        complianceFrameworks = Set.copyOf(complianceFrameworks);
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a geographic profile has at least one layer");
        }
    }
}
