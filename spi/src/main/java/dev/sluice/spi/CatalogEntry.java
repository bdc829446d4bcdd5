package dev.sluice.spi;

import java.util.List;

/**
 * One relation as the warehouse's catalog describes it, for {@code docs generate}'s catalog.json: its kind, comment and
 * owner (null where the warehouse has none), its columns in order with their types and comments, and a row count when
 * the warehouse knows one without scanning (null otherwise).
 */
public record CatalogEntry(Relation relation, String comment, String owner, List<Column> columns, Long rowCount) {
    public CatalogEntry {
        columns = List.copyOf(columns);
    }
}
