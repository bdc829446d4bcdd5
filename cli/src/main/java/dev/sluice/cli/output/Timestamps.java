package dev.sluice.cli.output;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/** Timestamps as dbt prints them: {@code 2024-01-01 00:00:00}, with the fraction and offset only when present. */
final class Timestamps {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Timestamps() {
    }

    static String text(TemporalAccessor value) {
        LocalDateTime local = value instanceof OffsetDateTime offset ? offset.toLocalDateTime() : (LocalDateTime) value;
        StringBuilder out = new StringBuilder(local.format(SECONDS));
        int nanos = local.get(ChronoField.NANO_OF_SECOND);
        if (nanos != 0) {
            out.append(String.format(".%06d", nanos / 1000));
        }
        if (value instanceof OffsetDateTime offset) {
            out.append(offset.getOffset().getId().equals("Z") ? "+00:00" : offset.getOffset().getId());
        }
        return out.toString();
    }
}
