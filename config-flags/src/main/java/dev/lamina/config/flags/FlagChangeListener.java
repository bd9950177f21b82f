package dev.lamina.config.flags;

import dev.lamina.config.ConfigErrorEvent;

/**
 * Receives a {@link DynamicConfigurationManager}'s flag events, on its own event thread, in version order. A
 * listener that throws is logged and skipped; other listeners, evaluation and the evaluator swap are not affected.
 */
@FunctionalInterface
public interface FlagChangeListener {

    /**
     * Called once per flag whose definition changed, after the version holding the change is in force.
     *
     * @param event the change; never {@code null}
     */
    void onFlagChange(FlagChangeEvent event);

    /**
     * Called when a published version's flag or experiment definitions are refused (only possible when the
     * manager does not run {@link FlagDefinitions#validator()}): the previous definitions stay in force. The event's
     * exception is the {@link FlagDefinitionException} listing every problem with origin and path. Does nothing by
     * default.
     *
     * @param event the error; never {@code null}
     */
    default void onDefinitionError(ConfigErrorEvent event) {
    }
}
