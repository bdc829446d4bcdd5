package dev.sluice.core.jinja;

import dev.sluice.spi.QueryResult;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query result as dbt's templates see it (dbt hands them an agate table): indexable rows, {@code rows},
 * {@code columns} (each with {@code name} and {@code values()}), {@code column_names}, {@code print_table()}.
 */
public final class AgateTable extends AbstractList<AgateTable.Row> implements PyishText {
    private final QueryResult result;
    private final List<Row> rows = new ArrayList<>();

    public AgateTable(QueryResult result) {
        this.result = result;
        List<String> names = result.columnNames();
        for (List<Object> values : result.rows()) {
            rows.add(new Row(names, values));
        }
    }

    @Override
    public Row get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<String> getColumnNames() {
        return result.columnNames();
    }

    public List<ColumnValues> getColumns() {
        List<ColumnValues> columns = new ArrayList<>();
        for (int i = 0; i < result.columns().size(); i++) {
            columns.add(new ColumnValues(result.columns().get(i).name(), i));
        }
        return columns;
    }

    public String print_table() {
        return toString();
    }

    @Override
    public String toString() {
        return result.columnNames() + " " + result.rows();
    }

    /** A row: indexable by position, and by column name through {@code row['name']} or {@code row.name}. */
    public static final class Row extends AbstractList<Object> implements PyishText {
        private final List<String> names;
        private final List<Object> values;

        Row(List<String> names, List<Object> values) {
            this.names = names;
            this.values = values;
        }

        @Override
        public Object get(int index) {
            return values.get(index);
        }

        @Override
        public int size() {
            return values.size();
        }

        public Map<String, Object> dict() {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                out.put(names.get(i), values.get(i));
            }
            return out;
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }

    /** One column: {@code name} and {@code values()}. */
    public final class ColumnValues {
        private final String name;
        private final int index;

        ColumnValues(String name, int index) {
            this.name = name;
            this.index = index;
        }

        public String getName() {
            return name;
        }

        public List<Object> values() {
            List<Object> out = new ArrayList<>();
            for (Row row : rows) {
                out.add(row.get(index));
            }
            return out;
        }
    }
}
