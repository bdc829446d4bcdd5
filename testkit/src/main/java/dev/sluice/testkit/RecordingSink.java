package dev.sluice.testkit;

import dev.sluice.core.events.Event;
import dev.sluice.core.events.EventSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event a test's engine emitted, for assertions on messages and node lines. */
public final class RecordingSink implements EventSink {
    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void accept(Event event) {
        events.add(event);
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized List<String> messages() {
        return events.stream().filter(e -> e instanceof Event.Message).map(e -> ((Event.Message) e).text()).toList();
    }

    public synchronized void clear() {
        events.clear();
    }
}
