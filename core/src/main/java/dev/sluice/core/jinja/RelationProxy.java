package dev.sluice.core.jinja;

import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import dev.sluice.spi.SqlDialect;

/**
 * A relation as templates see it ({@code ref()}, {@code source()}, {@code this}, {@code adapter.get_relation}): prints
 * as its quoted name and offers dbt's attributes ({@code database}, {@code schema}, {@code identifier}, {@code name},
 * {@code is_table}, {@code is_view}, {@code render()}, {@code include()}).
 */
public final class RelationProxy implements PyishText {
    private final Relation relation;
    private final SqlDialect dialect;
    private final boolean includeDatabase;
    private final boolean includeSchema;

    public RelationProxy(Relation relation, SqlDialect dialect) {
        this(relation, dialect, true, true);
    }

    private RelationProxy(Relation relation, SqlDialect dialect, boolean includeDatabase, boolean includeSchema) {
        this.relation = relation;
        this.dialect = dialect;
        this.includeDatabase = includeDatabase;
        this.includeSchema = includeSchema;
    }

    public Relation relation() {
        return relation;
    }

    public String getDatabase() {
        return relation.database();
    }

    public String getSchema() {
        return relation.schema();
    }

    public String getIdentifier() {
        return relation.identifier();
    }

    public String getName() {
        return relation.identifier();
    }

    public String getTable() {
        return relation.identifier();
    }

    public String getType() {
        return relation.type() == null ? null : relation.type().dbtName();
    }

    public boolean getIsTable() {
        return relation.type() == RelationType.TABLE;
    }

    public boolean getIsView() {
        return relation.type() == RelationType.VIEW;
    }

    public boolean getIsCte() {
        return relation.type() == RelationType.CTE;
    }

    public String render() {
        return toString();
    }

    /** {@code include(database=False)} and friends: a copy that prints without some parts. */
    public RelationProxy include(Object... flags) {
        boolean database = includeDatabase;
        boolean schema = includeSchema;
        for (Object flag : flags) {
            if (flag instanceof com.hubspot.jinjava.el.ext.NamedParameter named) {
                boolean on = Boolean.TRUE.equals(named.getValue());
                if (named.getName().equals("database")) {
                    database = on;
                } else if (named.getName().equals("schema")) {
                    schema = on;
                }
            }
        }
        return new RelationProxy(relation, dialect, database, schema);
    }

    @Override
    public String toString() {
        if (relation.type() == RelationType.CTE) {
            return relation.identifier();
        }
        Relation shown = new Relation(includeDatabase ? relation.database() : null,
                includeSchema ? relation.schema() : null, relation.identifier(), relation.type());
        return dialect.render(shown);
    }
}
