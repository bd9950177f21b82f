package dev.lamina.config.flags;

/**
 * Receives exposures (a user assigned to an experiment's variant), synchronously on the thread that asked for the
 * variant: keep it short (hand the event to a queue or an analytics client's buffer). A listener that throws is
 * logged (rate-limited to once per listener) and skipped; the caller still gets its variant.
 */
@FunctionalInterface
public interface ExposureListener {

    /**
     * @param event the exposure; never {@code null}
     */
    void onExposure(ExposureEvent event);
}
