package dev.lamina.config.flags.openfeature;

/**
 * Receives the tracking events of {@link LaminaProvider#track}, synchronously on the calling thread: keep it short
 * (hand the event to a queue or an analytics client's buffer). A listener that throws is logged and skipped.
 */
@FunctionalInterface
public interface TrackingListener {

    /**
     * @param event the event; never {@code null}
     */
    void onTrack(TrackingEvent event);
}
