package dev.sluice.cli.output;

import dev.sluice.core.events.Event.Level;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The two text layouts: the console's {@code HH:mm:ss  msg} and the log file's verbose one. */
public final class TextLines {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private final ZoneId zone;

    public TextLines(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code 12:00:01  message}; only the first physical line carries the time, as dbt prints it. */
    public String console(Instant ts, String message) {
        return SHORT.format(ts.atZone(zone)) + "  " + message;
    }

    /** {@code 12:00:01.123456 [info ] [main]: message}: the log file, and the console with --debug. */
    public String verbose(Instant ts, Level level, String thread, String message) {
        String lvl = level.name().toLowerCase(Locale.ROOT);
        return LONG.format(ts.atZone(zone)) + " [" + pad(lvl, 5) + "] [" + thread + "]: " + message;
    }

    /** The line that opens each invocation in dbt.log. */
    public String header(Instant ts, String invocationId) {
        String bar = "=".repeat(30);
        return bar + " " + LONG.format(ts.atZone(zone)) + " | " + invocationId + " " + bar;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
