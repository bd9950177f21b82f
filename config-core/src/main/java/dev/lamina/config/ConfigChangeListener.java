package dev.lamina.config;

/**
 * Receives a manager's change, error and warning events, on the manager's listener executor (by default one daemon
 * thread per manager, so events arrive in version order). A listener that throws is logged and skipped; the
 * other listeners, the swap and readers are not affected. A slow listener delays only later events.
 */
@FunctionalInterface
public interface ConfigChangeListener {

    /**
     * Called once per changed leaf after a new version is published.
     *
     * @param event the change; never {@code null}
     */
    void onChange(ConfigChangeEvent event);

    /**
     * Called when a reload is refused and the last good snapshot stays in force. Does nothing by default.
     *
     * @param event the error; never {@code null}
     */
    default void onError(ConfigErrorEvent event) {
    }

    /**
     * Called after a load or reload that succeeded with something the user should know about (a selected override
     * skipped because its conditions do not hold). Does nothing by default.
     *
     * @param event the warning; never {@code null}
     */
    default void onWarning(ConfigWarningEvent event) {
    }
}
