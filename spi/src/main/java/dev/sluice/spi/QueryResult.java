package dev.sluice.spi;

import java.util.List;

/** Rows of a query, with the column names and warehouse type names in order. Values are plain Java objects. */
public record QueryResult(List<Column> columns, List<List<Object>> rows) {

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public int size() {
        return rows.size();
    }
}
