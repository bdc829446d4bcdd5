package dev.sluice.core.freshness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Warehouse timestamps as instants, the way dbt reads them for freshness: a value with a zone or offset
 * (TIMESTAMPTZ) is converted to UTC; a naive value (TIMESTAMP) is taken to be UTC already; a date is its midnight UTC.
 */
public final class Timestamps {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private Timestamps() {
    }

    /** The instant {@code value} names; null for null; {@link IllegalArgumentException} when it is no timestamp. */
    public static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        if (value instanceof CharSequence text) {
            return parse(text.toString().trim());
        }
        throw new IllegalArgumentException("not a timestamp: " + value + " (" + value.getClass().getSimpleName() + ")");
    }

    private static Instant parse(String text) {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException ignored) {
            // not an offset timestamp; try the naive forms
        }
        try {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // not a naive timestamp either
        }
        try {
            return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a timestamp: '" + text + "'");
        }
    }

    /** Python's {@code isoformat()} of a UTC datetime, as dbt writes them in sources.json: 2024-05-01T10:00:00+00:00. */
    public static String iso(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        return (utc.getNano() == 0 ? SECONDS : MICROS).format(utc) + "+00:00";
    }

    /** Seconds from {@code from} to {@code to}, with microsecond precision. */
    public static double secondsBetween(Instant from, Instant to) {
        return ChronoUnit.MICROS.between(from, to) / 1e6;
    }
}
