package dev.sluice.core.materialize;

import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.errors.SourceLocation;
import dev.sluice.core.manifest.Node;
import dev.sluice.spi.Column;
import dev.sluice.spi.Relation;
import dev.sluice.spi.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code on_schema_change} for an incremental run: compares the new rows' columns with the existing table's and
 * decides the DDL to run ({@code append_new_columns}, {@code sync_all_columns}), refuses ({@code fail}), or ignores,
 * and names the columns the insert/merge will write.
 */
final class SchemaChange {
    /** The DDL to run first, and the columns to write afterwards, in the target's order. */
    record Plan(List<String> ddl, List<String> columns) {
    }

    private SchemaChange() {
    }

    static Plan plan(Node node, Relation target, List<Column> existing, List<Column> incoming, SqlDialect dialect) {
        String mode = node.config.getString("on_schema_change", "ignore").toLowerCase(Locale.ROOT);
        Map<String, Column> existingByName = byName(existing);
        Map<String, Column> incomingByName = byName(incoming);
        List<Column> added = incoming.stream().filter(c -> !existingByName.containsKey(key(c.name()))).toList();
        List<Column> removed = existing.stream().filter(c -> !incomingByName.containsKey(key(c.name()))).toList();
        List<Column> retyped = incoming.stream().filter(c -> existingByName.containsKey(key(c.name()))
                && !existingByName.get(key(c.name())).dataType().equalsIgnoreCase(c.dataType())).toList();
        boolean changed = !added.isEmpty() || !removed.isEmpty() || !retyped.isEmpty();
        List<String> ddl = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        switch (mode) {
            case "ignore" -> existing.stream().filter(c -> incomingByName.containsKey(key(c.name())))
                    .forEach(c -> columns.add(c.name()));
            case "fail" -> {
                if (changed) {
                    throw new SluiceException(ErrorCode.COMPILATION, "The source and target schemas on this incremental"
                            + " model are out of sync! They can be reconciled in several ways: set on_schema_change to"
                            + " append_new_columns or sync_all_columns, or re-run with --full-refresh.\n"
                            + "    Added: " + names(added) + ", removed: " + names(removed) + ", changed types: "
                            + names(retyped), SourceLocation.of(node.originalFilePath), node.describe(), null);
                }
                existing.forEach(c -> columns.add(c.name()));
            }
            case "append_new_columns" -> {
                added.forEach(c -> ddl.add(dialect.addColumn(target, c)));
                existing.stream().filter(c -> incomingByName.containsKey(key(c.name())))
                        .forEach(c -> columns.add(c.name()));
                added.forEach(c -> columns.add(c.name()));
            }
            case "sync_all_columns" -> {
                added.forEach(c -> ddl.add(dialect.addColumn(target, c)));
                removed.forEach(c -> ddl.add(dialect.dropColumn(target, c.name())));
                retyped.forEach(c -> ddl.add(dialect.alterColumnType(target, c)));
                incoming.forEach(c -> columns.add(c.name()));
            }
            default -> throw new SluiceException(ErrorCode.CONFIG_INVALID, "Invalid value for on_schema_change ("
                    + mode + ") specified. Expected one of: ignore, fail, append_new_columns, sync_all_columns",
                    SourceLocation.of(node.originalFilePath), node.describe(), null);
        }
        return new Plan(ddl, columns);
    }

    private static Map<String, Column> byName(List<Column> columns) {
        Map<String, Column> out = new LinkedHashMap<>();
        columns.forEach(c -> out.put(key(c.name()), c));
        return out;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).toList();
    }
}
