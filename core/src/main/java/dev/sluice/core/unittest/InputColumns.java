package dev.sluice.core.unittest;

import dev.sluice.core.compile.Relations;
import dev.sluice.core.errors.ErrorCode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.manifest.ColumnInfo;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.spi.Adapter;
import dev.sluice.spi.Column;
import dev.sluice.spi.Relation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The typed columns of a given input, as dbt types fixtures: when the upstream relation exists in the warehouse, all of
 * its columns with their types (a fixture naming a column it lacks is an error); otherwise the columns documented with
 * a {@code data_type} in YAML, then the fixture's own columns with types inferred from their values.
 */
final class InputColumns {
    private final Manifest manifest;
    private final Adapter adapter;

    InputColumns(Manifest manifest, Adapter adapter) {
        this.manifest = manifest;
        this.adapter = adapter;
    }

    List<TypedColumn> of(InputRef input, Node model, FixtureRows fixture, String unitTest) {
        Optional<List<Column>> existing = upstreamRelation(input, model).flatMap(this::warehouseColumns);
        if (existing.isPresent()) {
            List<Column> columns = existing.get();
            List<String> names = columns.stream().map(Column::name).toList();
            for (String given : fixture.columns()) {
                if (FixtureRows.indexOf(names, given) < 0) {
                    throw new SluiceException(ErrorCode.COMPILATION, "Invalid column name: '" + given
                            + "' in unit test fixture for " + input.describe() + " of unit test '" + unitTest
                            + "'. Accepted columns for " + input.describe() + " are: " + names);
                }
            }
            return columns.stream().map(c -> new TypedColumn(c.name(), c.dataType())).toList();
        }
        List<TypedColumn> out = new ArrayList<>();
        for (ColumnInfo declared : declaredColumns(input, model)) {
            if (declared.dataType != null && !declared.dataType.isBlank()) {
                out.add(new TypedColumn(declared.name, declared.dataType));
            }
        }
        List<String> known = new ArrayList<>(out.stream().map(TypedColumn::name).toList());
        for (String column : fixture.columns()) {
            if (FixtureRows.indexOf(known, column) < 0) {
                out.add(new TypedColumn(column, SqlValues.inferType(fixture.valuesOf(column), adapter.dialect())));
                known.add(column);
            }
        }
        if (out.isEmpty()) {
            throw new SluiceException(ErrorCode.COMPILATION, "Unit test '" + unitTest + "': the fixture for "
                    + input.describe() + " has no rows and " + input.describe()
                    + " is not in the warehouse, so its columns are unknown; give at least one row or build it first");
        }
        return out;
    }

    private Optional<Relation> upstreamRelation(InputRef input, Node model) {
        return switch (input.kind()) {
            case THIS -> Optional.of(Relations.of(model));
            case SOURCE -> manifest.findSource(input.sourceName(), input.name()).map(Relations::of);
            case REF -> manifest.findRefable(input.packageName(), input.name())
                    .filter(n -> !n.isEphemeral()).map(Relations::of);
        };
    }

    private Optional<List<Column>> warehouseColumns(Relation relation) {
        return adapter.getRelation(relation.database(), relation.schema(), relation.identifier())
                .map(adapter::columnsOf)
                .filter(columns -> !columns.isEmpty());
    }

    private Collection<ColumnInfo> declaredColumns(InputRef input, Node model) {
        return switch (input.kind()) {
            case THIS -> model.columns.values();
            case SOURCE -> manifest.findSource(input.sourceName(), input.name())
                    .map(s -> (Collection<ColumnInfo>) s.columns.values()).orElse(List.of());
            case REF -> manifest.findRefable(input.packageName(), input.name())
                    .map(n -> (Collection<ColumnInfo>) n.columns.values()).orElse(List.of());
        };
    }
}
