package dev.sluice.core.unittest;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.manifest.UnitTestDefinition.Fixture;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.Column;
import dev.sluice.spi.QueryResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The expected side of a unit test, typed like the model's output: the columns {@code expect} names (a sql fixture:
 * all of its columns) and its rows, each value cast to the type of the matching output column by the warehouse.
 */
final class ExpectedRows {
    private ExpectedRows() {
    }

    /** Expected column names and rows; {@code indexes} maps each expected column to its position in the output. */
    record Expected(List<String> columns, List<Integer> indexes, List<List<Object>> rows) {
    }

    static Expected of(Fixture expect, QueryResult actual, Adapter adapter, String model, String what) {
        if (FixtureRows.isSql(expect)) {
            QueryResult rows = adapter.query(FixtureRows.sql(expect));
            List<String> columns = rows.columnNames();
            return new Expected(columns, indexes(columns, actual, model), rows.rows());
        }
        FixtureRows fixture = FixtureRows.of(expect, what);
        List<String> columns = fixture.columns().isEmpty() ? actual.columnNames() : fixture.columns();
        List<Integer> indexes = indexes(columns, actual, model);
        if (fixture.rows().isEmpty()) {
            return new Expected(columns, indexes, List.of());
        }
        List<TypedColumn> typed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column output = actual.columns().get(indexes.get(i));
            typed.add(new TypedColumn(columns.get(i), output.dataType()));
        }
        QueryResult rows = adapter.query(FixtureSql.select(typed, fixture.rows(), adapter.dialect()));
        return new Expected(columns, indexes, rows.rows());
    }

    private static List<Integer> indexes(List<String> expected, QueryResult actual, String model) {
        List<String> names = actual.columnNames();
        List<Integer> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String column : expected) {
            int index = FixtureRows.indexOf(names, column);
            if (index < 0) {
                missing.add(column);
            }
            out.add(index);
        }
        if (!missing.isEmpty()) {
            throw new SluiceException(ErrorCode.COMPILATION, "expected column" + (missing.size() == 1 ? " " : "s ")
                    + missing + " not in the output of model '" + model + "', whose columns are " + names);
        }
        return out;
    }

    /** The actual rows narrowed to the expected columns, in their order. */
    static List<List<Object>> project(QueryResult actual, List<Integer> indexes) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : actual.rows()) {
            List<Object> projected = new ArrayList<>();
            indexes.forEach(i -> projected.add(row.get(i)));
            out.add(projected);
        }
        return out;
    }
}
