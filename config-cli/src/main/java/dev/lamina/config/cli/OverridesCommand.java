package dev.lamina.config.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerKind;
import dev.lamina.config.LayerProvider;
import dev.lamina.config.overrides.ConditionContext;
import dev.lamina.config.overrides.OverrideLayerProvider;
import dev.lamina.config.overrides.OverrideManager;
import dev.lamina.config.overrides.OverrideStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code configctl overrides}: the override files of a directory and what a load does with them. */
@Command(name = "overrides", mixinStandardHelpOptions = true,
        description = "List override files: selected or not, whether their conditions hold and why not.",
        subcommands = {OverridesCommand.List.class})
final class OverridesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: that is a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: list");
    }

    /** {@code configctl overrides list --dir D --env E}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "For each file in DIR/overrides: whether the environment selects it (environments.yaml, "
                    + "$CONFIG_OVERRIDE_TYPE, --override), whether it applies or the reason it does not, its priority "
                    + "and what it depends on.")
    static final class List implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private SourceOptions source;

        @Override
        public Integer call() {
            Path dir = source.directory();
            String env = source.environment();
            source.checkEnvironment(env);
            ConfigurationOptions full = source.managerOptions(dir).build();
            // What the selection is: the override layers of a real load (applied, or empty and marked skipped).
            java.util.List<String> selected = new ArrayList<>();
            Configuration loaded = load(full, env);
            for (Layer layer : loaded.layers()) {
                if (layer.metadata().kind() == LayerKind.OVERRIDE) {
                    String name = Path.of(layer.name()).getFileName().toString();
                    selected.add(name.substring(0, name.lastIndexOf('.')));
                }
            }
            // Conditions are tested against the configuration below the overrides, as a load does.
            java.util.List<LayerProvider> withoutOverrides = full.layerProviders().stream()
                    .filter(p -> !(p instanceof OverrideLayerProvider)).toList();
            Configuration below = load(full.toBuilder().layerProviders(withoutOverrides)
                    .discoverLayerProviders(false).build(), env);
            Map<String, String> variables = ((ConfigCtl) spec.root().userObject()).environment();
            OverrideManager manager = new OverrideManager(dir.resolve(OverrideLayerProvider.DIRECTORY),
                    OverrideManager.Settings.defaults().withCache(false).withLoading(full));
            java.util.List<OverrideStatus> statuses = manager.statuses(selected,
                    ConditionContext.of(env, variables, below));
            PrintWriter out = spec.commandLine().getOut();
            if (statuses.isEmpty()) {
                out.println("no override files in " + dir.resolve(OverrideLayerProvider.DIRECTORY));
                out.flush();
                return ExitCodes.OK;
            }
            java.util.List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "SELECTED", "APPLIED", "PRIORITY", "DEPENDS_ON", "CONDITIONS"});
            for (OverrideStatus s : statuses) {
                rows.add(new String[] {s.name(), s.selected() ? "yes" : "no", s.applied() ? "yes" : "no",
                        Integer.toString(s.priority()), s.dependsOn().isEmpty() ? "-" : String.join(",", s.dependsOn()),
                        s.condition().describe()});
            }
            Table.print(out, rows);
            out.flush();
            return ExitCodes.OK;
        }

        private static Configuration load(ConfigurationOptions options, String env) {
            try (ConfigurationManager m = new ConfigurationManager(options)) {
                return m.loadEnvironmentConfig(env);
            }
        }
    }
}
