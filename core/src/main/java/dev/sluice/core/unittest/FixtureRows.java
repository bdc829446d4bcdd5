package dev.sluice.core.unittest;

import dev.sluice.core.manifest.UnitTestDefinition.Fixture;
import dev.sluice.core.manifest.UnitTestDefinition.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A dict or csv fixture read into rows: the columns it names (in order of first appearance) and each row's values.
 * A sql fixture is not rows; {@link #sql} gives its query.
 */
public record FixtureRows(List<String> columns, List<Map<String, Object>> rows) {

    public static boolean isSql(Fixture fixture) {
        return fixture.format() == Format.SQL;
    }

    /** The query of a sql fixture, without a trailing semicolon. */
    public static String sql(Fixture fixture) {
        String text = String.valueOf(fixture.effectiveRows()).strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    public static FixtureRows of(Fixture fixture, String what) {
        Object rows = fixture.effectiveRows();
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        if (fixture.format() == Format.CSV) {
            String text = rows == null ? "" : String.valueOf(rows);
            columns.addAll(CsvText.header(text, what));
            out.addAll(CsvText.rows(text, what));
        } else if (rows instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> row = new LinkedHashMap<>();
                ((Map<?, ?>) item).forEach((k, v) -> row.put(String.valueOf(k), v));
                for (String column : row.keySet()) {
                    if (indexOf(columns, column) < 0) {
                        columns.add(column);
                    }
                }
                out.add(row);
            }
        }
        return new FixtureRows(List.copyOf(columns), List.copyOf(out));
    }

    /** Position of a column, ignoring case; -1 when absent. */
    static int indexOf(List<String> columns, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).toLowerCase(Locale.ROOT).equals(lower)) {
                return i;
            }
        }
        return -1;
    }

    /** Every value a column takes across the rows (for type inference). */
    public List<Object> valuesOf(String column) {
        List<Object> values = new ArrayList<>();
        rows.forEach(r -> values.add(FixtureSql.valueOf(r, column)));
        return values;
    }
}
