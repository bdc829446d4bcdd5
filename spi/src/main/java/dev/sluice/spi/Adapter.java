package dev.sluice.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed operations on one warehouse. Implementations are thread-safe: the engine's workers call them at once, and each
 * call runs on a connection of the adapter's own pool. Every SQL failure surfaces as {@link AdapterException}.
 */
public interface Adapter extends AutoCloseable {

    String type();

    SqlDialect dialect();

    Set<Capability> capabilities();

    /** Database the target points at (DuckDB: the catalog name of the file). */
    String defaultDatabase();

    /** Runs statements (one or more, separated as the warehouse allows) without results. */
    void execute(String sql);

    /**
     * Runs statements in one transaction on one connection: either all take effect or none does. Incremental merges,
     * snapshots and schema changes use it so a failure half-way leaves the target as it was.
     */
    void executeAtomically(List<String> statements);

    /** Runs a query and returns at most {@code limit} rows (negative for all). */
    QueryResult query(String sql, int limit);

    default QueryResult query(String sql) {
        return query(sql, -1);
    }

    /** Every table and view of one schema, in one round trip. Empty when the schema does not exist. */
    List<Relation> listRelations(String database, String schema);

    Optional<Relation> getRelation(String database, String schema, String identifier);

    List<Column> columnsOf(Relation relation);

    /**
     * Every table and view of one schema with its columns (and row counts where cheap), for catalog.json. Empty when
     * the schema does not exist. The default lists the relations and asks for each one's columns (one round trip per
     * relation, no row counts); an adapter whose warehouse can answer in one query should override it.
     */
    default List<CatalogEntry> catalog(String database, String schema) {
        List<CatalogEntry> entries = new java.util.ArrayList<>();
        for (Relation relation : listRelations(database, schema)) {
            entries.add(new CatalogEntry(relation, null, null, columnsOf(relation), null));
        }
        return entries;
    }

    void createSchema(String database, String schema);

    void dropSchema(String database, String schema);

    void dropRelation(Relation relation);

    /**
     * Builds {@code target} from {@code selectSql} as a table or view, atomically: the new relation is built beside the
     * old one and swapped in only when the build succeeds, so a failure leaves the old relation whole and queryable.
     */
    void replace(Relation target, String selectSql, RelationType as);

    /** Bulk-loads a CSV file into {@code target}, replacing it atomically as {@link #replace} does. Returns rows loaded. */
    long loadCsv(Relation target, CsvLoadOptions options);

    /** A runner of Python models native to this warehouse; empty to run them locally through {@link #localExchange()}. */
    default Optional<PythonModelRunner> pythonModelRunner() {
        return Optional.empty();
    }

    /** File exchange for Python models run in a local process; empty when this warehouse cannot offer it. */
    default Optional<LocalExchange> localExchange() {
        return Optional.empty();
    }

    /**
     * Stops this adapter's work from another thread: statements running on its connections are cancelled (each fails
     * with an {@link AdapterException}) and later calls fail at once. Deploy calls it when a run is cancelled or times
     * out. The default does nothing, so a running statement goes on to its end; adapters over JDBC cancel their
     * statements.
     */
    default void cancel() {
    }

    @Override
    void close();
}
