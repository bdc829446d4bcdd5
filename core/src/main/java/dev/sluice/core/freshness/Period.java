package dev.sluice.core.freshness;

import java.util.Locale;

/** The units a freshness threshold counts in, as dbt spells them in YAML ({@code period: hour}). */
public enum Period {
    MINUTE(60), HOUR(3_600), DAY(86_400);

    private final long seconds;

    Period(long seconds) {
        this.seconds = seconds;
    }

    public long seconds() {
        return seconds;
    }

    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The period named {@code text} (minute, hour or day, any case), or null when {@code text} names none. */
    public static Period parse(String text) {
        if (text == null) {
            return null;
        }
        for (Period period : values()) {
            if (period.dbtName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return period;
            }
        }
        return null;
    }
}
