package dev.lamina.config.internal.archfixture;

import dev.lamina.config.cli.ConfigCtl;

/** ArchitectureTest fixture: a "core" class that depends on the CLI, which the rules must reject. */
public final class CoreReadingCli {

    private CoreReadingCli() {
    }

    /** @return a name from the CLI module */
    public static String name() {
        return ConfigCtl.class.getName();
    }
}
