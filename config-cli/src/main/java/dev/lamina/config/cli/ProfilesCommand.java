package dev.lamina.config.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Layer;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.profiles.DeploymentProfileDefinition;
import dev.lamina.config.profiles.GeographicProfile;
import dev.lamina.config.profiles.ProfileManager;
import dev.lamina.config.spi.ConfigTrees;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code configctl profiles}: the deployment, user and geographic profiles a directory can use. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = "List profiles (built-in and the directory's profiles/ and regions/) and show one's keys.",
        subcommands = {ProfilesCommand.List.class, ProfilesCommand.Show.class})
final class ProfilesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: that is a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: list or show");
    }

    /** The directory option both subcommands take. */
    static final class Directory {
        @Option(names = "--dir", paramLabel = "DIR",
                description = "Configuration directory whose profiles/ and regions/ are read (default: $CONFIG_PATH; "
                        + "built-ins only when neither is given).")
        Path directory;

        ProfileManager manager(CommandSpec spec) {
            Path dir = resolve(spec);
            return dir == null ? ProfileManager.builtInsOnly()
                    : new ProfileManager(dir, ConfigurationOptions.builder().directory(dir).build());
        }

        private Path resolve(CommandSpec spec) {
            if (directory != null) {
                return directory;
            }
            String fromEnv = ((ConfigCtl) spec.root().userObject()).environment().get(SourceOptions.CONFIG_PATH);
            return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
        }

        /** The name rule plus the paths the directory's schema declares writeOnly or x-secret. */
        SecretPolicy secretPolicy(CommandSpec spec) {
            Path dir = resolve(spec);
            java.util.Optional<Path> schema = dir == null ? java.util.Optional.empty()
                    : dev.lamina.config.validation.ValidationEngine.conventionalSchema(dir);
            return schema.map(s -> SecretPolicy.DEFAULT.withPaths(
                    dev.lamina.config.validation.ValidationEngine.schemaSecretPaths(s))).orElse(SecretPolicy.DEFAULT);
        }
    }

    /** {@code configctl profiles list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every deployment, user and geographic profile with its source and description.")
    static final class List implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @picocli.CommandLine.Mixin
        private Directory directory;

        @Override
        public Integer call() {
            ProfileManager manager = directory.manager(spec);
            java.util.List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"KIND", "NAME", "SOURCE", "IMPLIES", "DESCRIPTION"});
            for (DeploymentProfileDefinition p : manager.listProfiles()) {
                rows.add(new String[] {"profile", p.name(), source(p.builtIn(), p.layers()),
                        implies(p.complianceFrameworks()), p.description().orElse("")});
            }
            for (GeographicProfile g : manager.listGeographicProfiles()) {
                rows.add(new String[] {"region", g.code(), source(g.builtIn(), g.layers()),
                        implies(g.complianceFrameworks()), g.description().orElse("")});
            }
            PrintWriter out = spec.commandLine().getOut();
            Table.print(out, rows);
            out.flush();
            return ExitCodes.OK;
        }

        private static String source(boolean builtIn, java.util.List<Layer> layers) {
            boolean user = layers.stream().anyMatch(l -> !l.name().startsWith("builtin:"));
            return builtIn ? (user ? "built-in, refined" : "built-in") : "user";
        }

        private static String implies(java.util.Set<String> frameworks) {
            return frameworks.isEmpty() ? "-" : String.join(",", new java.util.TreeSet<>(frameworks));
        }
    }

    /** {@code configctl profiles show NAME}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show the keys a profile (or, with --region, a geographic profile) sets, each with its origin.")
    static final class Show implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @picocli.CommandLine.Mixin
        private Directory directory;

        @Option(names = "--region", description = "NAME is a region code (EU, US, …), not a deployment profile.")
        private boolean region;

        @Parameters(index = "0", paramLabel = "NAME", description = "The profile's name, e.g. high-volume, or a region.")
        private String name;

        @Override
        public Integer call() {
            ProfileManager manager = directory.manager(spec);
            java.util.List<Layer> layers;
            String title;
            if (region) {
                GeographicProfile g = manager.getGeographicProfile(name);
                layers = g.layers();
                title = "region " + g.code() + g.description().map(d -> ": " + d).orElse("");
            } else {
                DeploymentProfileDefinition p = manager.getProfile(name);
                layers = p.layers();
                title = "profile " + p.name() + p.description().map(d -> ": " + d).orElse("")
                        + (p.parents().isEmpty() ? "" : " (extends " + String.join(", ", p.parents()) + ")");
            }
            SecretPolicy policy = directory.secretPolicy(spec);
            PrintWriter out = spec.commandLine().getOut();
            out.println(title);
            java.util.List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"KEY", "VALUE", "ORIGIN"});
            for (Layer layer : layers) {
                for (Map.Entry<ConfigPath, ConfigNode> leaf : ConfigTrees.leaves(layer.root()).entrySet()) {
                    rows.add(new String[] {leaf.getKey().toString(), display(policy, leaf.getKey(), leaf.getValue()),
                            leaf.getValue().origin().toString()});
                }
            }
            Table.print(out, rows);
            out.flush();
            return ExitCodes.OK;
        }

        private static String display(SecretPolicy policy, ConfigPath path, ConfigNode node) {
            // display() masks secret paths and envelopes; profile files are shown as written, never decrypted.
            return node instanceof dev.lamina.config.ConfigScalar s ? policy.display(path, s.text())
                    : policy.isSecret(path) ? SecretPolicy.MASK : node.kindName();
        }
    }
}
