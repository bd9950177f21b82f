package dev.lamina.config.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Configuration;
import dev.lamina.config.DocumentDecoder;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerKind;
import dev.lamina.config.Origin;
import dev.lamina.config.etcd.EtcdClient;
import dev.lamina.config.etcd.EtcdLayout;
import dev.lamina.config.etcd.EtcdOptions;
import dev.lamina.config.spi.ConfigTrees;
import dev.lamina.config.validation.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code configctl push}: loads an environment from files (parsed, merged and resolved, so a broken file is refused
 * before anything is sent), validates it as {@code configctl validate} does (schema, default rule packs: an
 * {@code ERROR} or {@code CRITICAL} finding sends nothing, because every instance would refuse it or, worse, run it)
 * and makes the etcd prefix hold it, in one transaction; with {@code --expected-revision}, only if no key under the
 * prefix was modified after that revision.
 *
 * <p>What is pushed is the directory's files only: {@code --env-prefix} is refused, since it would make the pushing
 * machine's environment variables (the operator's shell, a CI runner's secrets) values of every instance of the
 * fleet. Each service reads its own environment variables above etcd when its manager has an env prefix.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Write the configuration of --dir/--env to etcd under --prefix, in one transaction (keys no "
                + "longer present are deleted). tree layout: one key per value, as written (${...} is resolved by "
                + "the services); documents layout: the environment's files as written, one key each "
                + "(<prefix>00-base.yaml, ...). Validates first, as 'configctl validate' does: an ERROR or CRITICAL "
                + "finding sends nothing (exit 1). Refuses when a key under the prefix changed after "
                + "--expected-revision. Environment variables are never pushed (--env-prefix is refused): each "
                + "service reads its own.")
final class PushCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions source;

    @Option(names = "--expected-revision", paramLabel = "R",
            description = "The etcd revision you reviewed (see 'configctl history'); refuse if the prefix moved since.")
    private Long expectedRevision;

    @Option(names = "--schema", paramLabel = "FILE",
            description = "JSON Schema (JSON or YAML) to validate against before pushing (default: schema.json, "
                    + "schema.yaml or schema.yml in DIR, when there is one).")
    private Path schema;

    @Option(names = "--dry-run", description = "Print the keys that would be written; write nothing.")
    private boolean dryRun;

    @Override
    public Integer call() {
        EtcdOptions etcd = source.etcdOptions().orElseThrow(() -> new ParameterException(spec.commandLine(),
                "Missing required option: '--etcd=ENDPOINTS'"));
        if (expectedRevision != null && expectedRevision < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--expected-revision': "
                    + expectedRevision + " (a revision is 0 or more)");
        }
        if (source.envPrefix().isPresent()) {
            String prefix = source.envPrefix().get();
            throw new ParameterException(spec.commandLine(), "push does not take --env-prefix: it would send this "
                    + "machine's " + prefix + (prefix.endsWith("_") ? "" : "_") + "* environment variables to every "
                    + "instance of the fleet; push sends the files of --dir/--env only, and each service reads its "
                    + "own environment variables above etcd (remove --env-prefix)");
        }
        Map<String, String> variables = ((ConfigCtl) spec.root().userObject()).environment();
        Configuration config = source.loadFiles(etcd.layout() == EtcdLayout.TREE
                ? new RefuseSops(SecretsSupport.sopsDecoder(variables)) : SecretsSupport.sopsDecoder(variables));
        ValidationReport report = ValidateCommand.validateDefaults(config, source.directory(), source.environment(),
                schema);
        if (!report.overallValid()) {
            PrintWriter err = spec.commandLine().getErr();
            err.print(report.toText());
            err.println("configctl push: nothing pushed to " + etcd.prefix() + ": the configuration of "
                    + source.directory() + " (" + source.environment() + ") is invalid; fix the findings above "
                    + "('configctl validate' shows them too)");
            err.flush();
            return ExitCodes.INVALID_CONFIGURATION;
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (etcd.layout() == EtcdLayout.TREE) {
            for (ConfigPath path : config.leafPaths()) {
                values.put(key(path), writtenText(config, path));
            }
        } else {
            // The files themselves, in layer order, as written: comments, ${...} and ENC[...] values stay for the
            // services to resolve, and no secret is masked into a wrong value.
            int n = 0;
            for (Layer layer : config.layers()) {
                if (layer.metadata().kind() != LayerKind.FILE) {
                    continue;
                }
                Path file = Path.of(layer.name());
                try {
                    values.put(String.format("%02d-%s", n++, file.getFileName()), Files.readString(file));
                } catch (IOException e) {
                    throw new ConfigSourceException(Origin.of(layer.name()), null, "cannot read the file to push ("
                            + e.getClass().getSimpleName() + ")", e);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            values.keySet().forEach(k -> out.println(etcd.prefix() + k));
            out.flush();
            return ExitCodes.OK;
        }
        try (EtcdClient client = EtcdClient.connect(etcd)) {
            EtcdClient.Replaced r = client.replace(values, expectedRevision == null ? OptionalLong.empty()
                    : OptionalLong.of(expectedRevision));
            // Only keys whose value differs are written: say so, or a user reads "4 keys" in the output and one
            // change in the history and wonders which is right.
            out.println("pushed " + values.size() + (values.size() == 1 ? " key" : " keys") + " to " + etcd.prefix()
                    + " (" + r.written() + " written, " + r.deleted() + " deleted, " + r.unchanged() + " unchanged): "
                    + "etcd revision " + r.revision() + (r.changed() ? "" : ", nothing changed"));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The tree layout sends each value as it stands in the layers, and a SOPS file's layer holds its values
     * decrypted: refused, so that no SOPS secret reaches etcd in plain text. The documents layout sends the file as
     * written (still encrypted) after the SOPS decoder has checked it.
     */
    private static final class RefuseSops implements DocumentDecoder {
        private final DocumentDecoder sops;

        RefuseSops(DocumentDecoder sops) {
            this.sops = sops;
        }

        @Override
        public boolean accepts(ConfigObject root) {
            return sops.accepts(root);
        }

        @Override
        public Decoded decode(Layer layer) {
            throw new ConfigSourceException(layer.root().origin(), null, "this file is encrypted with SOPS: the "
                    + "tree layout would send its values decrypted, one key each (fix: push with --etcd-layout "
                    + "documents, which sends the file as written, still encrypted)");
        }
    }

    private String key(ConfigPath path) {
        StringBuilder sb = new StringBuilder();
        for (String segment : path.segments()) {
            if (segment.contains("/") || segment.isEmpty()) {
                throw new ParameterException(spec.commandLine(), path + ": a key with '/' cannot be an etcd tree key; "
                        + "use --etcd-layout documents");
            }
            sb.append(sb.length() == 0 ? "" : "/").append(segment);
        }
        return sb.toString();
    }

    /**
     * The text as written in the highest layer that sets the path (before interpolation, so {@code ${NAME}} is
     * resolved by each service); lists do not fit one key per value.
     */
    private String writtenText(Configuration config, ConfigPath path) {
        ConfigNode resolved = config.node(path.toString()).orElseThrow();
        if (resolved instanceof ConfigList) {
            // An empty list is a leaf too.
            throw new ParameterException(spec.commandLine(), path + " is a list: the etcd tree layout holds one key "
                    + "per value and no lists; use --etcd-layout documents");
        }
        // Name the outermost list: that is the key the user wrote as a list (alerting.alertmanagers, not
        // alerting.alertmanagers[0].static_configs).
        ConfigPath outermost = null;
        for (ConfigPath p = path; !p.isRoot(); p = p.parent()) {
            if (config.node(p.toString()).orElse(null) instanceof ConfigList) {
                outermost = p;
            }
        }
        if (outermost != null) {
            throw new ParameterException(spec.commandLine(), outermost + " is a list: the etcd tree layout holds one "
                    + "key per value and no lists; use --etcd-layout documents");
        }
        List<Layer> layers = config.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            ConfigNode n = ConfigTrees.find(layers.get(i).root(), path).orElse(null);
            if (n instanceof ConfigScalar s) {
                return s.text();
            }
            if (n != null) {
                break;
            }
        }
        return resolved instanceof ConfigScalar s ? s.text() : "";
    }
}
