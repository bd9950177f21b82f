package dev.lamina.config.cli;

/**
 * The exit codes of {@code configctl}, part of its stable contract ({@code docs/cli.md}).
 */
public final class ExitCodes {

    /** The command did what it was asked. */
    public static final int OK = 0;
    /**
     * The configuration is invalid or cannot be read (any {@link dev.lamina.config.ConfigException}: a parse
     * error, a missing file or environment, an unresolved variable, an absent path for {@code get}).
     */
    public static final int INVALID_CONFIGURATION = 1;
    /** The command line is wrong: unknown command or option, missing or malformed argument. */
    public static final int USAGE = 2;
    /** A bug in configctl or Lamina: an unexpected exception. One line on stderr; {@code --debug} adds the trace. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
