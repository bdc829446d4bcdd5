package dev.sluice.cli.output;

import dev.sluice.core.events.Event.Level;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The two text layouts: the console's {@code HH:mm:ss  msg} and the log file's verbose one. */
public final class TextLines {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private final ZoneId zone;

    public TextLines(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code 12:00:01  message}; only the first physical line carries the time, as dbt prints it. */
    public String console(Instant ts, String message) {
        return time(ts, false).append("  ").append(message).toString();
    }

    /** {@code 12:00:01.123456 [info ] [main]: message}: the log file, and the console with --debug. */
    public String verbose(Instant ts, Level level, String thread, String message) {
        String lvl = level.name().toLowerCase(Locale.ROOT);
        return time(ts, true).append(" [").append(pad(lvl, 5)).append("] [").append(thread).append("]: ")
                .append(message).toString();
    }

    /** {@code HH:mm:ss} or {@code HH:mm:ss.SSSSSS} in the zone, as the patterns print it (two lines per node). */
    private StringBuilder time(Instant ts, boolean micros) {
        LocalTime time = LocalTime.ofInstant(ts, zone);
        StringBuilder out = new StringBuilder(96);
        digits(out, time.getHour(), 2).append(':');
        digits(out, time.getMinute(), 2).append(':');
        digits(out, time.getSecond(), 2);
        if (micros) {
            digits(out.append('.'), time.getNano() / 1000, 6);
        }
        return out;
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(text);
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
