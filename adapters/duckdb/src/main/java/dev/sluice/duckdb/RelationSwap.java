package dev.sluice.duckdb;

import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import dev.sluice.spi.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The step before {@code create or replace} inside a replacing transaction: DuckDB cannot replace a view by a table of
 * the same name (or a table by a view), so a relation of the other kind is dropped first, in the same transaction,
 * and comes back if the build fails.
 */
final class RelationSwap {
    private final SqlDialect dialect;
    private final String defaultDatabase;

    RelationSwap(SqlDialect dialect, String defaultDatabase) {
        this.dialect = dialect;
        this.defaultDatabase = defaultDatabase;
    }

    void clearFor(Statement statement, Relation target, RelationType as) throws SQLException {
        String sql = "select table_type from information_schema.tables where lower(table_catalog) = lower("
                + dialect.literal(target.database() == null ? defaultDatabase : target.database())
                + ") and lower(table_schema) = lower(" + dialect.literal(target.schema() == null ? "main" : target.schema())
                + ") and lower(table_name) = lower(" + dialect.literal(target.identifier()) + ")";
        RelationType existing = null;
        try (ResultSet rs = statement.executeQuery(sql)) {
            if (rs.next()) {
                existing = rs.getString(1).contains("VIEW") ? RelationType.VIEW : RelationType.TABLE;
            }
        }
        if (existing != null && existing != as) {
            statement.execute("drop " + DuckDbAdapter.kind(existing) + " " + dialect.render(target));
        }
    }
}
