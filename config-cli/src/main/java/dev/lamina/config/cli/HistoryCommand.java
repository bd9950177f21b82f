package dev.lamina.config.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import dev.lamina.config.etcd.EtcdChange;
import dev.lamina.config.etcd.EtcdClient;
import dev.lamina.config.etcd.EtcdOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code configctl history}: the changes etcd still holds under a prefix, one line each, values left out. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the changes under --prefix that etcd still holds (since its last compaction), oldest "
                + "first: revision, PUT or DELETE, key and the key's version. Values are not printed (they may be "
                + "secret); read one with 'configctl get --etcd ... --prefix ...'.")
final class HistoryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions source;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "Print the last N changes (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Override
    public Integer call() {
        EtcdOptions etcd = source.etcdOptions().orElseThrow(() -> new ParameterException(spec.commandLine(),
                "Missing required option: '--etcd=ENDPOINTS'"));
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--limit': " + limit
                    + " (at least 1)");
        }
        List<EtcdChange> changes;
        long now;
        try (EtcdClient client = EtcdClient.connect(etcd)) {
            now = client.keys().revision();
            changes = client.history(Duration.ofMillis(200));
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"REVISION", "CHANGE", "KEY", "VERSION"});
        for (EtcdChange c : changes.subList(Math.max(0, changes.size() - limit), changes.size())) {
            rows.add(new String[] {Long.toString(c.revision()), c.type().name(), c.key(),
                c.type() == EtcdChange.Type.DELETE ? "-" : Long.toString(c.version())});
        }
        Table.print(out, rows);
        out.println("etcd revision " + now + ": " + changes.size() + (changes.size() == 1 ? " change" : " changes")
                + " under " + etcd.prefix() + (changes.size() > limit ? " (last " + limit + " shown)" : ""));
        out.flush();
        return ExitCodes.OK;
    }
}
