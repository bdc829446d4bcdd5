package dev.sluice.core.events;

/** Receives events from any worker thread; implementations must be thread-safe. */
@FunctionalInterface
public interface EventSink {
    void accept(Event event);

    EventSink NONE = event -> { };

    default EventSink and(EventSink other) {
        return event -> {
            accept(event);
            other.accept(event);
        };
    }
}
