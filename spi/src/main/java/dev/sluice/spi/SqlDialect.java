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

    String typeString();

    String typeInt();

    String typeBigint();

    String typeFloat();

    String typeNumeric();

    String typeBoolean();

    String typeTimestamp();
}
