package dev.lamina.config.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.lamina.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code configctl}: render, query and explain Lamina configurations from the command line.
 *
 * <p>Exit codes are {@link ExitCodes}: 0 success, 1 invalid configuration, 2 usage error, 3 internal error.
 * No user error ever prints a stack trace: a {@link ConfigException}'s message (which names file, line,
 * column and path, and never a secret) goes to stderr as one line.
 *
 * <p>To add a command: write a {@code Callable<Integer>} annotated with {@code @Command}, mix in
 * {@link SourceOptions} if it loads a configuration, print to {@code spec.commandLine().getOut()}, and list it
 * in {@link #COMMANDS} below.
 */
@Command(name = "configctl",
        mixinStandardHelpOptions = true,
        versionProvider = ConfigCtl.Version.class,
        description = "Render, query and explain Lamina configurations.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:invalid configuration (message on stderr names file:line:column and path)",
            "2:usage error",
            "3:internal error (rerun with --debug for the stack trace)"})
public final class ConfigCtl implements Callable<Integer> {

    /**
     * The subcommands, in the order {@code --help} lists them. Not in {@code @Command(subcommands)}: picocli builds
     * the model of every listed command (reflection over all their options) before running one, which was two
     * thirds of a {@code configctl get}; {@link #main} registers only the command asked for.
     */
    private static final List<Class<?>> COMMANDS = List.of(
            RenderCommand.class,
            GetCommand.class,
            ExplainCommand.class,
            DiffCommand.class,
            WatchCommand.class,
            ValidateCommand.class,
            FlagsCommand.class,
            ExportCommand.class,
            MigrateCommand.class,
            ProfilesCommand.class,
            OverridesCommand.class,
            KeygenCommand.class,
            EncryptCommand.class,
            DecryptCommand.class,
            RotateCommand.class,
            SignCommand.class,
            VerifyCommand.class,
            PushCommand.class,
            HistoryCommand.class,
            CommandLine.HelpCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an internal error.")
    private boolean debug;

    private final Map<String, String> environment;

    /** Where {@code encrypt -} reads the value from: standard input, or what a test hands in. */
    private final java.io.InputStream input;

    /** Set by {@link #main}: the tool is its own process, so a command may install shutdown hooks. */
    private boolean ownsProcess;

    private ConfigCtl(Map<String, String> environment, java.io.InputStream input) {
        this.environment = environment;
        this.input = input;
    }

    /** @return standard input, or the stream a test handed to {@link #commandLine(PrintWriter, PrintWriter, Map, java.io.InputStream)} */
    java.io.InputStream input() {
        return input;
    }

    /**
     * @return the environment variables commands read: for {@code ${NAME}} and {@code --env-prefix}
     */
    Map<String, String> environment() {
        return environment;
    }

    /**
     * @return {@code true} when run through {@link #main} as its own process (not in-process from a test), so that
     *         {@code watch} may handle SIGINT/SIGTERM with a shutdown hook
     */
    boolean ownsProcess() {
        return ownsProcess;
    }

    /** Without a subcommand there is nothing to do: that is a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /**
     * Runs the tool and exits the JVM with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        CommandLine cl = commandLine(out, err, System.getenv(), System.in, args.length == 0 ? null : args[0]);
        ((ConfigCtl) cl.getCommand()).ownsProcess = true;
        int code = cl.execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Builds the command line with its error handling, writing to the given streams; tests run commands
     * in-process through it.
     *
     * @param out where results go
     * @param err where errors go
     * @return a command line ready for {@link CommandLine#execute(String...)}
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, System.getenv());
    }

    /**
     * Builds the command line with a given set of environment variables instead of the process's.
     *
     * @param out         where results go
     * @param err         where errors go
     * @param environment the variables {@code ${NAME}} and {@code --env-prefix} read
     * @return a command line ready for {@link CommandLine#execute(String...)}
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return commandLine(out, err, environment, System.in);
    }

    /**
     * Builds the command line with given environment variables and standard input.
     *
     * @param out         where results go
     * @param err         where errors go
     * @param environment the variables commands read
     * @param input       what {@code encrypt -} reads
     * @return a command line ready for {@link CommandLine#execute(String...)}
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> environment,
                                          java.io.InputStream input) {
        return commandLine(out, err, environment, input, null);
    }

    /**
     * @param only the first argument: when it names a command, only that command is registered (a process runs one
     *             command); otherwise, or when {@code null}, all of them (help, a mistyped name's suggestions)
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> environment,
                                   java.io.InputStream input, String only) {
        CommandLine cl = new CommandLine(new ConfigCtl(Map.copyOf(environment), input));
        Class<?> single = null;
        for (Class<?> c : COMMANDS) {
            Command annotation = c.getAnnotation(Command.class);
            if (annotation != null && annotation.name().equals(only) && c != CommandLine.HelpCommand.class) {
                single = c;
            }
        }
        if (single != null) {
            cl.addSubcommand(single);
        } else {
            for (Class<?> c : COMMANDS) {
                cl.addSubcommand(c);
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(ConfigCtl::handleExecutionException);
        cl.setParameterExceptionHandler(ConfigCtl::handleParameterException);
        cl.setHelpFactory(WordWrapHelp.FACTORY);
        // diff compares two environments given as --env A --env B; every other command takes --env once, and
        // SourceOptions refuses a second one (see SourceOptions#addEnvironment).
        CommandLine diff = cl.getSubcommands().get("diff");
        if (diff != null) {
            diff.setOverwrittenOptionsAllowed(true);
        }
        return cl;
    }

    /**
     * Maps an exception from a command to an exit code with one line on stderr.
     */
    private static int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        // A ParameterException thrown while running (an option checked lazily) never arrives here: picocli
        // hands it to the parameter exception handler, which prints the usage and returns exit code 2.
        // The root's stream: a subcommand added after commandLine() was built does not inherit setErr.
        PrintWriter err = cl.getCommandSpec().root().commandLine().getErr();
        if (e instanceof ConfigException ce) {
            err.println("configctl: " + ce.getMessage());
            return ExitCodes.INVALID_CONFIGURATION;
        }
        // Not the user's fault: the message may be anything, so name the type only unless --debug asks for more.
        err.println("configctl: internal error (" + e.getClass().getName() + "); rerun with --debug for details");
        if (isDebug(parsed)) {
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    /**
     * A usage error is one line naming the problem and where to read more, as {@code git} and {@code kubectl} do:
     * the full help buries the message under 25 lines. A command group run without its subcommand still prints
     * its usage, since the list of subcommands is the answer there.
     */
    private static int handleParameterException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getCommandSpec().root().commandLine().getErr();
        if (!cmd.getSubcommands().isEmpty() && e.getMessage() != null
                && e.getMessage().startsWith("Missing required subcommand")) {
            err.println(cmd.getCommandSpec().qualifiedName() + ": missing command");
            cmd.usage(err);
            return ExitCodes.USAGE;
        }
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static boolean isDebug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult r = parsed; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** Reports the version from the jar manifest, or says it is a development build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ConfigCtl.class.getPackage().getImplementationVersion();
            return new String[] {"configctl (Lamina) " + (v == null ? "development build" : v)};
        }
    }
}
