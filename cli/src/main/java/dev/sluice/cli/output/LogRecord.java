package dev.sluice.cli.output;

import dev.sluice.core.events.Event.Level;
import java.time.Instant;
import java.util.Map;

/**
 * One line (possibly several physical lines) the CLI reports. {@code name} is dbt's event name ("LogModelResult"),
 * {@code data} the structured fields of a JSON log line. A {@code print} record is command output (ls, show, compile):
 * shown even with --quiet; a {@code raw} one is printed without a timestamp in text mode.
 */
public record LogRecord(Instant ts, Level level, String name, Styled text, Map<String, Object> data, String thread,
                        boolean print, boolean raw) {

    public static LogRecord of(Level level, String name, Styled text, Map<String, Object> data) {
        return new LogRecord(Instant.now(), level, name, text, data, Thread.currentThread().getName(), false, false);
    }

    public static LogRecord info(String name, String text) {
        return of(Level.INFO, name, Styled.of(text), Map.of());
    }

    public LogRecord asPrint(boolean withoutTimestamp) {
        return new LogRecord(ts, level, name, text, data, thread, true, withoutTimestamp);
    }

    public String msg() {
        return text.plain();
    }
}
