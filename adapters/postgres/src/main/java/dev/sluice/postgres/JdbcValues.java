package dev.sluice.postgres;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PGobject;

/**
 * The driver's values as plain Java objects, like the DuckDB adapter's: date -> {@link LocalDate}, timestamp ->
 * {@link LocalDateTime}, timestamptz -> {@link OffsetDateTime}, time -> {@link LocalTime}, arrays -> {@link List},
 * json/jsonb/interval/uuid-like driver objects -> their text. Numbers, booleans and strings pass through
 * (int4 -> Integer, int8 -> Long, numeric -> BigDecimal, float8 -> Double).
 */
final class JdbcValues {
    private JdbcValues() {
    }

    static Object read(ResultSet rs, int column, String typeName) throws SQLException {
        switch (typeName) {
            case "date" -> {
                return rs.getObject(column, LocalDate.class);
            }
            case "timestamp" -> {
                return rs.getObject(column, LocalDateTime.class);
            }
            case "timestamptz" -> {
                return rs.getObject(column, OffsetDateTime.class);
            }
            case "time" -> {
                return rs.getObject(column, LocalTime.class);
            }
            default -> {
                return plain(rs.getObject(column));
            }
        }
    }

    static Object plain(Object value) throws SQLException {
        if (value instanceof Array array) {
            Object[] items = (Object[]) array.getArray();
            List<Object> list = new ArrayList<>(items.length);
            for (Object item : items) {
                list.add(plain(item));
            }
            return list;
        }
        if (value instanceof PGobject object) {
            return object.getValue();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        return value;
    }
}
