package dev.lamina.config.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.lamina.config.migration.LegacyConfigMigrator;
import dev.lamina.config.migration.LegacyFormat;
import dev.lamina.config.migration.Migration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code configctl migrate properties|ini|env|spring FILE… --out DIR [--mapping FILE]}: legacy files into a Lamina
 * configuration directory. Prints each file written on stdout and each note (what could not be carried over) on
 * stderr; never overwrites a file.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Turn .properties, INI, .env or Spring Boot files into a Lamina configuration directory.")
final class MigrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "properties, ini, env or spring.")
    private String kind;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE",
            description = "The files, lowest precedence first (spring: application.yml|properties and "
                    + "application-<profile>.*, any order).")
    private List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The directory to write base.yaml (and, for spring, <profile>.yaml) into.")
    private Path out;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Rename keys: lines 'old.key -> new.path', '*' one segment, a final '**' the rest.")
    private Path mapping;

    @Override
    public Integer call() {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new ParameterException(spec.commandLine(), "FILE '" + f + "' is not a readable file");
            }
        }
        LegacyConfigMigrator migrator = mapping == null ? LegacyConfigMigrator.create()
                : LegacyConfigMigrator.withMapping(mapping);
        Migration m = switch (kind.toLowerCase(Locale.ROOT)) {
            case "properties" -> migrator.migrate(files, LegacyFormat.PROPERTIES);
            case "ini" -> migrator.migrate(files, LegacyFormat.INI);
            case "env" -> migrator.migrate(files, LegacyFormat.ENV);
            case "spring" -> migrator.migrateSpringBoot(files);
            default -> throw new ParameterException(spec.commandLine(), "Invalid value for KIND: '" + kind
                    + "' is not one of properties, ini, env, spring");
        };
        for (String name : m.texts().keySet()) {
            if (Files.exists(out.resolve(name))) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--out': " + out.resolve(name)
                        + " exists already; choose an empty directory (a migration never overwrites)");
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String note : m.notes()) {
            err.println("configctl: note: " + note);
        }
        err.flush();
        PrintWriter o = spec.commandLine().getOut();
        for (Path written : m.writeTo(out)) {
            o.println(written);
        }
        o.flush();
        return ExitCodes.OK;
    }
}
