package dev.sluice.spi;

import java.util.Objects;

/** A relation in the warehouse. {@code database} may be null where the warehouse has no database level in use. */
public record Relation(String database, String schema, String identifier, RelationType type) {

    public Relation {
        Objects.requireNonNull(identifier, "identifier");
    }

    public Relation withIdentifier(String newIdentifier) {
        return new Relation(database, schema, newIdentifier, type);
    }

    public Relation withType(RelationType newType) {
        return new Relation(database, schema, identifier, newType);
    }

    /** Case-insensitive identity, as warehouses compare unquoted identifiers. */
    public String key() {
        return (database == null ? "" : database.toLowerCase(java.util.Locale.ROOT)) + "."
                + (schema == null ? "" : schema.toLowerCase(java.util.Locale.ROOT)) + "."
                + identifier.toLowerCase(java.util.Locale.ROOT);
    }
}
