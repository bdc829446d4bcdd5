package dev.sluice.core.unittest;

import java.util.ArrayList;
import java.util.List;

/**
 * The message of a failed unit test, a table of the compared rows in the style dbt prints: a header row marked
 * {@code @@}, rows only the model returned marked {@code +++}, expected rows it did not return marked {@code ---}.
 */
public final class DiffText {
    private DiffText() {
    }

    public static String of(List<String> columns, RowComparison.Result result) {
        List<List<String>> cells = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        cells.add(columns);
        marks.add("@@ ");
        for (RowComparison.MarkedRow row : result.rows()) {
            cells.add(row.values().stream().map(v -> v == null ? "null" : v).toList());
            marks.add(row.mark().symbol);
        }
        int[] widths = new int[columns.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < widths.length && i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder("actual differs from expected:\n\n");
        for (int r = 0; r < cells.size(); r++) {
            StringBuilder line = new StringBuilder(marks.get(r));
            List<String> values = cells.get(r);
            for (int i = 0; i < widths.length; i++) {
                String value = i < values.size() ? values.get(i) : "";
                line.append(" | ").append(value).append(" ".repeat(widths[i] - value.length()));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
