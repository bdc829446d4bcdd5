package dev.sluice.core.unittest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares expected and actual rows as multisets (order does not matter, duplicates do), after normalizing values so
 * that 10, 10.0 and 10.00 are equal. The result lists every row with a mark: matched, expected only, actual only.
 */
public final class RowComparison {
    private RowComparison() {
    }

    public enum Mark {
        MATCHED("   "), EXPECTED_ONLY("---"), ACTUAL_ONLY("+++");

        public final String symbol;

        Mark(String symbol) {
            this.symbol = symbol;
        }
    }

    /** One row of the comparison, with its values as text (null for SQL NULL). */
    public record MarkedRow(Mark mark, List<String> values) {
    }

    public record Result(List<MarkedRow> rows) {
        public boolean equal() {
            return rows.stream().allMatch(r -> r.mark() == Mark.MATCHED);
        }

        public long differing() {
            return rows.stream().filter(r -> r.mark() != Mark.MATCHED).count();
        }
    }

    public static Result compare(List<List<Object>> expected, List<List<Object>> actual) {
        Map<List<String>, Integer> unmatchedActual = new HashMap<>();
        List<List<String>> actualRows = actual.stream().map(RowComparison::normalize).toList();
        actualRows.forEach(r -> unmatchedActual.merge(r, 1, Integer::sum));
        List<MarkedRow> out = new ArrayList<>();
        for (List<Object> row : expected) {
            List<String> values = normalize(row);
            Integer left = unmatchedActual.get(values);
            if (left != null && left > 0) {
                unmatchedActual.put(values, left - 1);
                out.add(new MarkedRow(Mark.MATCHED, values));
            } else {
                out.add(new MarkedRow(Mark.EXPECTED_ONLY, values));
            }
        }
        for (List<String> values : actualRows) {
            Integer left = unmatchedActual.get(values);
            if (left != null && left > 0) {
                unmatchedActual.put(values, left - 1);
                out.add(new MarkedRow(Mark.ACTUAL_ONLY, values));
            }
        }
        out.sort(Comparator.comparing(MarkedRow::values, RowComparison::compareRows)
                .thenComparing(r -> r.mark().ordinal()));
        return new Result(out);
    }

    static List<String> normalize(List<Object> row) {
        return row.stream().map(RowComparison::normalize).toList();
    }

    /** A value as text: numbers without trailing zeros, byte arrays in hex, everything else as the driver prints it. */
    static String normalize(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.toString();
        }
        if (value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return f.toString();
        }
        if (value instanceof BigDecimal d) {
            return plain(d);
        }
        if (value instanceof Double || value instanceof Float) {
            return plain(new BigDecimal(value.toString()));
        }
        if (value instanceof Number n && (n instanceof Integer || n instanceof Long || n instanceof Short
                || n instanceof Byte || n instanceof BigInteger)) {
            return n.toString();
        }
        if (value instanceof byte[] bytes) {
            return java.util.HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Object[] array) {
            return Arrays.toString(array);
        }
        return String.valueOf(value);
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }

    private static int compareRows(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareValues(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
