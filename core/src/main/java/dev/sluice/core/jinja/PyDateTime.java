package dev.sluice.core.jinja;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** A Python {@code datetime}/{@code date} with the methods dbt projects call: strftime, isoformat, year/month/day. */
public final class PyDateTime implements PyishText {
    private final LocalDateTime value;
    private final boolean dateOnly;

    public PyDateTime(LocalDateTime value) {
        this(value, false);
    }

    PyDateTime(LocalDateTime value, boolean dateOnly) {
        this.value = value;
        this.dateOnly = dateOnly;
    }

    /** An ISO instant ({@code 2024-01-31T12:00:00.123Z}) as a UTC datetime, as dbt's {@code run_started_at}. */
    public static PyDateTime parseUtc(String isoInstant) {
        if (isoInstant == null) {
            return null;
        }
        return new PyDateTime(LocalDateTime.ofInstant(java.time.Instant.parse(isoInstant), java.time.ZoneOffset.UTC));
    }

    static PyDateTime strptime(String text, String format) {
        String pattern = StrftimePattern.toJava(format);
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern);
        if (format.contains("%H") || format.contains("%M") || format.contains("%S")) {
            return new PyDateTime(LocalDateTime.parse(text, formatter));
        }
        return new PyDateTime(LocalDate.parse(text, formatter).atStartOfDay());
    }

    public String strftime(String format) {
        return value.format(DateTimeFormatter.ofPattern(StrftimePattern.toJava(format)));
    }

    public String isoformat() {
        return dateOnly ? value.toLocalDate().toString() : value.toString();
    }

    public int getYear() {
        return value.getYear();
    }

    public int getMonth() {
        return value.getMonthValue();
    }

    public int getDay() {
        return value.getDayOfMonth();
    }

    public int getHour() {
        return value.getHour();
    }

    public int getMinute() {
        return value.getMinute();
    }

    public int getSecond() {
        return value.getSecond();
    }

    public int getMicrosecond() {
        return value.getNano() / 1000;
    }

    /** Monday is 0, as in Python. */
    public int weekday() {
        return value.getDayOfWeek().getValue() - 1;
    }

    public int isoweekday() {
        return value.getDayOfWeek().getValue();
    }

    public long timestamp() {
        return value.toEpochSecond(java.time.ZoneOffset.UTC);
    }

    public PyDateTime date() {
        return new PyDateTime(value.toLocalDate().atStartOfDay(), true);
    }

    @Override
    public String toString() {
        if (dateOnly) {
            return value.toLocalDate().toString();
        }
        return value.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"));
    }

    /** Python's strftime codes to java.time patterns, for the codes projects use. */
    static final class StrftimePattern {
        private StrftimePattern() {
        }

        static String toJava(String format) {
            StringBuilder out = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c == '%' && i + 1 < format.length()) {
                    flush(out, literal);
                    char code = format.charAt(++i);
                    out.append(switch (code) {
                        case 'Y' -> "yyyy";
                        case 'y' -> "yy";
                        case 'm' -> "MM";
                        case 'd' -> "dd";
                        case 'H' -> "HH";
                        case 'M' -> "mm";
                        case 'S' -> "ss";
                        case 'f' -> "SSSSSS";
                        case 'j' -> "DDD";
                        case 'b' -> "MMM";
                        case 'B' -> "MMMM";
                        case 'a' -> "EEE";
                        case 'A' -> "EEEE";
                        case '%' -> "'%'";
                        default -> "'" + code + "'";
                    });
                } else {
                    literal.append(c);
                }
            }
            flush(out, literal);
            return out.toString();
        }

        private static void flush(StringBuilder out, StringBuilder literal) {
            if (literal.length() > 0) {
                out.append('\'').append(literal.toString().replace("'", "''")).append('\'');
                literal.setLength(0);
            }
        }
    }
}
