package dev.sluice.cli.output;

import dev.sluice.spi.QueryResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code show}'s preview: a pipe table in text mode, rows as objects in JSON mode. */
public final class ResultTable {
    private ResultTable() {
    }

    /**
     * <pre>
     * | id | name    |
     * | -- | ------- |
     * |  1 | Michael |
     * </pre>
     * Numbers are right-aligned, everything else left-aligned; null is an empty cell.
     */
    public static String text(QueryResult result) {
        List<String> names = result.columnNames();
        int n = names.size();
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        for (int c = 0; c < n; c++) {
            width[c] = Math.max(1, names.get(c).length());
            numeric[c] = true;
        }
        List<String[]> cells = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            String[] line = new String[n];
            for (int c = 0; c < n; c++) {
                Object v = c < row.size() ? row.get(c) : null;
                line[c] = cell(v);
                width[c] = Math.max(width[c], line[c].length());
                if (v != null && !(v instanceof Number)) {
                    numeric[c] = false;
                }
            }
            cells.add(line);
        }
        StringBuilder out = new StringBuilder();
        String[] header = names.toArray(String[]::new);
        row(out, header, width, new boolean[n]);
        out.append('\n');
        String[] rule = new String[n];
        for (int c = 0; c < n; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        row(out, rule, width, new boolean[n]);
        for (String[] line : cells) {
            out.append('\n');
            row(out, line, width, numeric);
        }
        return out.toString();
    }

    /** Each row as an ordered object: column name to a JSON-friendly value. */
    public static List<Map<String, Object>> rows(QueryResult result) {
        List<String> names = result.columnNames();
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            Map<String, Object> obj = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                obj.put(names.get(c), jsonValue(c < row.size() ? row.get(c) : null));
            }
            out.add(obj);
        }
        return out;
    }

    private static void row(StringBuilder out, String[] values, int[] width, boolean[] right) {
        out.append('|');
        for (int c = 0; c < values.length; c++) {
            String v = values[c];
            String pad = " ".repeat(width[c] - v.length());
            out.append(' ').append(right[c] ? pad + v : v + pad).append(" |");
        }
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return String.valueOf(d);
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (v instanceof BigDecimal bd) {
            return bd.toPlainString();
        }
        return v.toString().replace("\n", " ");
    }

    static Object jsonValue(Object v) {
        if (v == null || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? String.valueOf(d) : d;
        }
        if (v instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? String.valueOf(f) : f.doubleValue();
        }
        if (v instanceof TemporalAccessor) {
            return v.toString();
        }
        return v.toString();
    }
}
