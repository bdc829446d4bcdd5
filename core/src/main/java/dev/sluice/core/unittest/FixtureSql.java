package dev.sluice.core.unittest;

import dev.sluice.spi.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The SELECT that stands in for a relation in a unit test: one {@code select} per fixture row joined with
 * {@code union all}, every column cast to its type, a column a row leaves out NULL of that type. No rows give the
 * same columns with {@code where false}.
 */
public final class FixtureSql {
    private FixtureSql() {
    }

    public static String select(List<TypedColumn> columns, List<Map<String, Object>> rows, SqlDialect dialect) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a fixture needs at least one column");
        }
        if (rows.isEmpty()) {
            return selectOne(columns, Map.of(), dialect) + "\nwhere false";
        }
        List<String> selects = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            selects.add(selectOne(columns, row, dialect));
        }
        return String.join("\nunion all\n", selects);
    }

    private static String selectOne(List<TypedColumn> columns, Map<String, Object> row, SqlDialect dialect) {
        StringJoiner out = new StringJoiner(", ", "select ", "");
        for (TypedColumn column : columns) {
            Object value = valueOf(row, column.name());
            out.add("cast(" + SqlValues.literal(value, dialect) + " as " + column.type() + ") as "
                    + dialect.quote(column.name()));
        }
        return out.toString();
    }

    /** A row's value for a column, matching names without regard to case as warehouses do. */
    static Object valueOf(Map<String, Object> row, String column) {
        if (row.containsKey(column)) {
            return row.get(column);
        }
        String lower = column.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(lower)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
