package dev.sluice.spi;

/** Warehouse-specific spelling of SQL that the engine generates. */
public interface SqlDialect {

    String quote(String identifier);

    /** Renders a relation as {@code database.schema.identifier}, leaving out null parts. Identifiers quoted as dbt does. */
    default String render(Relation relation) {
        StringBuilder out = new StringBuilder();
        if (relation.database() != null && !relation.database().isEmpty()) {
            out.append(quote(relation.database())).append('.');
        }
        if (relation.schema() != null && !relation.schema().isEmpty()) {
            out.append(quote(relation.schema())).append('.');
        }
        return out.append(quote(relation.identifier())).toString();
    }

    /** SQL string literal. */
    default String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Comma-separated quoted column names. */
    default String columnList(java.util.List<String> columns) {
        return String.join(", ", columns.stream().map(this::quote).toList());
    }

    /** {@code insert into target (cols) select cols from source}. */
    default String insertInto(Relation target, Relation source, java.util.List<String> columns) {
        String list = columnList(columns);
        return "insert into " + render(target) + " (" + list + ")\nselect " + list + " from " + render(source);
    }

    /**
     * Upsert of {@code source} into {@code target} on {@code uniqueKey}: matched rows get {@code updateColumns},
     * others are inserted. {@code predicates} narrow the target rows considered (dbt's incremental_predicates).
     */
    default String mergeInto(Relation target, Relation source, java.util.List<String> uniqueKey,
                             java.util.List<String> columns, java.util.List<String> updateColumns,
                             java.util.List<String> predicates) {
        StringBuilder on = new StringBuilder();
        for (String key : uniqueKey) {
            on.append(on.length() == 0 ? "" : " and ").append("DBT_INTERNAL_DEST.").append(quote(key))
                    .append(" = DBT_INTERNAL_SOURCE.").append(quote(key));
        }
        if (uniqueKey.isEmpty()) {
            on.append("false");
        }
        for (String predicate : predicates) {
            on.append(" and (").append(predicate).append(')');
        }
        StringBuilder sql = new StringBuilder("merge into ").append(render(target)).append(" as DBT_INTERNAL_DEST\n")
                .append("using ").append(render(source)).append(" as DBT_INTERNAL_SOURCE\n")
                .append("on ").append(on).append('\n');
        if (!uniqueKey.isEmpty() && !updateColumns.isEmpty()) {
            sql.append("when matched then update set ").append(String.join(", ", updateColumns.stream()
                    .map(c -> quote(c) + " = DBT_INTERNAL_SOURCE." + quote(c)).toList())).append('\n');
        }
        sql.append("when not matched then insert (").append(columnList(columns)).append(")\nvalues (")
                .append(String.join(", ", columns.stream().map(c -> "DBT_INTERNAL_SOURCE." + quote(c)).toList()))
                .append(')');
        return sql.toString();
    }

    /** dbt's delete+insert: remove target rows whose key appears in source, then insert all of source. */
    default java.util.List<String> deleteInsert(Relation target, Relation source, java.util.List<String> uniqueKey,
                                                java.util.List<String> columns, java.util.List<String> predicates) {
        java.util.List<String> statements = new java.util.ArrayList<>();
        if (!uniqueKey.isEmpty()) {
            String keys = uniqueKey.size() == 1 ? quote(uniqueKey.get(0)) : "(" + columnList(uniqueKey) + ")";
            StringBuilder delete = new StringBuilder("delete from ").append(render(target)).append("\nwhere ")
                    .append(keys).append(" in (select ").append(columnList(uniqueKey)).append(" from ")
                    .append(render(source)).append(')');
            for (String predicate : predicates) {
                delete.append("\nand (").append(predicate).append(')');
            }
            statements.add(delete.toString());
        }
        statements.add(insertInto(target, source, columns));
        return statements;
    }

    default String addColumn(Relation relation, Column column) {
        return "alter table " + render(relation) + " add column " + quote(column.name()) + " " + column.dataType();
    }

    default String dropColumn(Relation relation, String column) {
        return "alter table " + render(relation) + " drop column " + quote(column);
    }

    default String alterColumnType(Relation relation, Column column) {
        return "alter table " + render(relation) + " alter column " + quote(column.name()) + " type " + column.dataType();
    }

    String typeString();

    String typeInt();

    String typeBigint();

    String typeFloat();

    String typeNumeric();

    String typeBoolean();

    String typeTimestamp();
}
