package dev.sluice.duckdb;

import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import dev.sluice.spi.SqlDialect;
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

    /** True when a relation of the other kind holds the name: building {@code as} then takes a drop first. */
    boolean needed(RelationType as, RelationType existing) {
        return existing != null && existing != as;
    }

    /** {@code existing} is the kind of relation the catalog holds under the target's name (null: none). */
    void clearFor(Statement statement, Relation target, RelationType as, RelationType existing) throws SQLException {
        if (needed(as, existing)) {
            statement.execute("drop " + DuckDbAdapter.kind(existing) + " " + dialect.render(target));
        }
    }
}
