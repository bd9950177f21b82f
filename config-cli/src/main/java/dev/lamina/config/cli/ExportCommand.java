package dev.lamina.config.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationUtils;
import dev.lamina.config.RenderFormat;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.kubernetes.ConfigMapManager;
import dev.lamina.config.kubernetes.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code configctl export}: an environment's configuration for another system: Kubernetes manifests
 * ({@code export k8s}), a {@code .env} file, properties, JSON or YAML. Unlike {@code render}, the point is to hand
 * values over, so {@code export k8s} writes secrets into the Secret (base64) and the other formats write them
 * when {@code --include-secrets} is given (masked otherwise).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export an environment's configuration: Kubernetes manifests, .env, properties, JSON or YAML.",
        subcommands = {ExportCommand.Kubernetes.class, ExportCommand.Env.class, ExportCommand.Properties.class,
            ExportCommand.Json.class, ExportCommand.Yaml.class})
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: that is a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: k8s, env, properties, json "
                + "or yaml");
    }

    /** Writes to {@code --out} (replaced crash-safely) or to standard output. */
    static void emit(CommandSpec spec, Path out, String text) {
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
            return;
        }
        dev.lamina.config.spi.AtomicFiles.write(out, text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code configctl export k8s}. */
    @Command(name = "k8s", mixinStandardHelpOptions = true,
            description = "Print a ConfigMap (non-secret values) and a Secret (secret values, base64) as YAML.")
    static final class Kubernetes implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private SourceOptions source;

        @Option(names = "--namespace", paramLabel = "NS", required = true, description = "The objects' namespace.")
        private String namespace;

        @Option(names = "--name", paramLabel = "NAME",
                description = "The objects' name, an RFC 1123 subdomain (default: config-<env>, lower-cased).")
        private String name;

        @Option(names = "--hash-suffix",
                description = "Append kustomize's content hash to the names, so a rollout follows content changes.")
        private boolean hashSuffix;

        @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "file",
                description = "file: one key application.yaml (secrets.yaml in the Secret); keys: one key per "
                        + "path (default: ${DEFAULT-VALUE}).")
        private String layout;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
        private Path out;

        @Override
        public Integer call() {
            ConfigMapManager.Layout l = switch (layout.toLowerCase(Locale.ROOT)) {
                case "file" -> ConfigMapManager.Layout.FILE;
                case "keys" -> ConfigMapManager.Layout.KEYS;
                default -> throw new ParameterException(spec.commandLine(), "Invalid value for option '--layout': '"
                        + layout + "' is not one of file, keys");
            };
            String env = source.environment();
            String objectName = name != null ? name : "config-" + env.toLowerCase(Locale.ROOT).replace('_', '-');
            ConfigMapManager manager;
            Configuration config = source.load();
            try {
                manager = ConfigMapManager.builder(config).name(objectName).namespace(namespace).environment(env)
                        .hashSuffix(hashSuffix).layout(l).build();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            List<Manifest> manifests = manager.export();
            emit(spec, out, ConfigMapManager.exportToYaml(manifests));
            return ExitCodes.OK;
        }
    }

    /** Shared by the plain formats. */
    abstract static class Plain implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        SourceOptions source;

        @Option(names = "--include-secrets",
                description = "Write secret values as they are (default: masked as ***, as render does).")
        boolean includeSecrets;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
        Path out;

        abstract RenderFormat format();

        @Override
        public Integer call() {
            Configuration config = source.load();
            String text;
            if (format() == RenderFormat.ENV) {
                text = envText(config);
            } else if (includeSecrets) {
                text = ConfigRenderer.render(config.root(), SecretPolicy.none(), format(),
                        source.renderOptions(false));
            } else {
                text = ConfigRenderer.render(config, format(), source.renderOptions(false));
            }
            emit(spec, out, text);
            return ExitCodes.OK;
        }

        private String envText(Configuration config) {
            ConfigObject root = includeSecrets ? config.root()
                    : (ConfigObject) masked(config, config.root(), ConfigPath.root());
            return ConfigurationUtils.toEnvFile(ConfigurationUtils.transformToEnvFormat(root,
                    source.envPrefix().orElse("")));
        }

        /** The tree with every secret scalar replaced by {@code ***}. */
        private static ConfigNode masked(Configuration config, ConfigNode node, ConfigPath path) {
            if (node instanceof ConfigObject o) {
                Map<String, ConfigNode> out = new LinkedHashMap<>();
                o.entries().forEach((k, v) -> out.put(k, masked(config, v, path.child(k))));
                return new ConfigObject(out, o.origin());
            }
            if (node instanceof ConfigList l) {
                List<ConfigNode> items = new ArrayList<>();
                for (int i = 0; i < l.size(); i++) {
                    items.add(masked(config, l.items().get(i), path.child(i)));
                }
                return new ConfigList(items, l.origin());
            }
            if (node instanceof ConfigScalar s && config.isSecret(path.toString())) {
                return ConfigScalar.string(SecretPolicy.MASK, s.origin());
            }
            return node;
        }
    }

    /** {@code configctl export env}. */
    @Command(name = "env", mixinStandardHelpOptions = true,
            description = "Print NAME=value lines that a .env source (or Docker Compose) reads back identically; "
                    + "names use --env-prefix (default none).")
    static final class Env extends Plain {
        @Override
        RenderFormat format() {
            return RenderFormat.ENV;
        }
    }

    /** {@code configctl export properties}. */
    @Command(name = "properties", mixinStandardHelpOptions = true, description = "Print java.util.Properties text.")
    static final class Properties extends Plain {
        @Override
        RenderFormat format() {
            return RenderFormat.PROPERTIES;
        }
    }

    /** {@code configctl export json}. */
    @Command(name = "json", mixinStandardHelpOptions = true, description = "Print JSON.")
    static final class Json extends Plain {
        @Override
        RenderFormat format() {
            return RenderFormat.JSON;
        }
    }

    /** {@code configctl export yaml}. */
    @Command(name = "yaml", mixinStandardHelpOptions = true, description = "Print YAML.")
    static final class Yaml extends Plain {
        @Override
        RenderFormat format() {
            return RenderFormat.YAML;
        }
    }
}
