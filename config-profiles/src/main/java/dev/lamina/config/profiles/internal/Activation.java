package dev.lamina.config.profiles.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.LayerContext;
import dev.lamina.config.Origin;

/**
 * Which profiles and which region a load activates, from the three places a user can name them: the environment's
 * entry in {@code environments.yaml} ({@code profiles: [a, b]}, {@code region: EU}), the variables
 * {@code CONFIG_PROFILE=a,b} and {@code CONFIG_REGION}, and names given in code or on the command line.
 */
public final class Activation {

    /** The variable naming profiles, comma-separated. */
    public static final String PROFILE_VARIABLE = "CONFIG_PROFILE";
    /** The variable naming the region. */
    public static final String REGION_VARIABLE = "CONFIG_REGION";

    private static final Logger LOG = LoggerFactory.getLogger(Activation.class);

    /**
     * A name and where it was given.
     *
     * @param name   the name as written
     * @param origin where
     */
    public record Named(String name, Origin origin) {
    }

    private Activation() {
    }

    /**
     * The profiles, in activation order: those of {@code environments.yaml}, then {@code CONFIG_PROFILE}, then the
     * explicit ones; a name given twice keeps its first place.
     *
     * @param explicit names given in code or with {@code --profile}
     * @param context  the load's context
     * @return the names, each with where it was given
     */
    public static List<Named> profiles(List<String> explicit, LayerContext context) {
        List<Named> all = new ArrayList<>();
        context.environmentDeclaration().flatMap(d -> d.get("profiles")).ifPresent(node ->
                all.addAll(namesIn(node, ConfigPath.of(context.environment(), "profiles"))));
        context.variable(PROFILE_VARIABLE).ifPresent(v -> {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    all.add(new Named(part.trim(), Origin.of("environment variable " + PROFILE_VARIABLE)));
                }
            }
        });
        explicit.forEach(n -> all.add(new Named(n, Origin.of("profile selection (--profile or code)"))));
        List<Named> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Named n : all) {
            checkName(n, "profile");
            if (!seen.contains(Names.canonical(n.name()))) {
                seen.add(Names.canonical(n.name()));
                out.add(n);
            }
        }
        return out;
    }

    /**
     * The region: the explicit one, else {@code CONFIG_REGION}, else {@code environments.yaml}'s; when several are
     * given and disagree, the ones ignored are logged and raised as warnings (never silently dropped).
     *
     * @param explicit the region given in code or with {@code --region}
     * @param context  the load's context
     * @return the region, when one is named
     */
    public static Optional<Named> region(Optional<String> explicit, LayerContext context) {
        List<Named> candidates = new ArrayList<>();
        explicit.ifPresent(r -> candidates.add(new Named(r, Origin.of("region selection (--region or code)"))));
        context.variable(REGION_VARIABLE).filter(v -> !v.isBlank())
                .ifPresent(v -> candidates.add(new Named(v.trim(), Origin.of("environment variable " + REGION_VARIABLE))));
        context.environmentDeclaration().flatMap(d -> d.get("region")).ifPresent(node -> {
            if (!(node instanceof ConfigScalar s)) {
                throw new ConfigException(node.origin(), ConfigPath.of(context.environment(), "region"),
                        "expected a region code such as EU, found a " + node.kindName());
            }
            candidates.add(new Named(s.text().trim(), s.origin()));
        });
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Named chosen = candidates.get(0);
        checkName(chosen, "region");
        for (Named other : candidates.subList(1, candidates.size())) {
            if (!Names.canonical(other.name()).equals(Names.canonical(chosen.name()))) {
                String why = "Region " + sanitize(other.name()) + " from " + other.origin() + " is ignored: region "
                        + chosen.name() + " from " + chosen.origin() + " takes precedence";
                LOG.warn(why);
                context.warn(why, other.origin());
            }
        }
        return Optional.of(chosen);
    }

    private static List<Named> namesIn(ConfigNode node, ConfigPath path) {
        List<Named> out = new ArrayList<>();
        if (node instanceof ConfigScalar s) {
            out.add(new Named(s.text().trim(), s.origin()));
        } else if (node instanceof ConfigList list) {
            for (int i = 0; i < list.items().size(); i++) {
                ConfigNode item = list.items().get(i);
                if (!(item instanceof ConfigScalar s)) {
                    throw new ConfigException(item.origin(), path.child(i), "expected a profile name, found a "
                            + item.kindName());
                }
                out.add(new Named(s.text().trim(), s.origin()));
            }
        } else if (!(node instanceof ConfigObject o && o.isEmpty())) {
            throw new ConfigException(node.origin(), path, "expected a profile name or a list of names, found a "
                    + node.kindName());
        }
        return out;
    }

    private static void checkName(Named n, String kind) {
        if (!Names.VALID.matcher(n.name()).matches()) {
            throw new ConfigException(n.origin(), null, "invalid " + kind + " name '" + sanitize(n.name())
                    + "': it must be " + Names.RULE);
        }
    }

    private static String sanitize(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
