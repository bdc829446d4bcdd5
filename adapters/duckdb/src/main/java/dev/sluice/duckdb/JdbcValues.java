package dev.sluice.duckdb;

import java.sql.Array;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBStruct;
import org.duckdb.JsonNode;

/**
 * Turns the driver's values into plain Java objects: TIMESTAMP becomes {@link java.time.LocalDateTime} (like DATE's
 * {@link java.time.LocalDate}), LIST/ARRAY a {@link List}, STRUCT and MAP a {@link Map}, BLOB a {@code byte[]}, JSON
 * its text. Numbers, booleans, UUIDs, {@code LocalTime} and {@code OffsetDateTime} pass through as the driver gives them.
 */
final class JdbcValues {
    private JdbcValues() {
    }

    static Object plain(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof Array array) {
            Object[] items = (Object[]) array.getArray();
            List<Object> list = new ArrayList<>(items.length);
            for (Object item : items) {
                list.add(plain(item));
            }
            return list;
        }
        if (value instanceof DuckDBStruct struct) {
            return plainMap(struct.getMap());
        }
        if (value instanceof Map<?, ?> map) {
            return plainMap(map);
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (value instanceof JsonNode json) {
            return json.toString();
        }
        return value;
    }

    private static Map<Object, Object> plainMap(Map<?, ?> map) throws SQLException {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.put(plain(entry.getKey()), plain(entry.getValue()));
        }
        return out;
    }
}
