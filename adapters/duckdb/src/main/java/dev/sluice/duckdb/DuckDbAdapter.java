package dev.sluice.duckdb;

import dev.sluice.spi.Adapter;
import dev.sluice.spi.AdapterContext;
import dev.sluice.spi.AdapterException;
import dev.sluice.spi.CatalogEntry;
import dev.sluice.spi.Capability;
import dev.sluice.spi.Column;
import dev.sluice.spi.CsvLoadOptions;
import dev.sluice.spi.QueryResult;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import dev.sluice.spi.SqlDialect;
import dev.sluice.spi.TargetConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/** The embedded default warehouse: one DuckDB database (a file, or memory) shared by a pool of duplicated connections. */
public final class DuckDbAdapter implements Adapter {
    private final ConnectionPool pool;
    private final SqlDialect dialect = new DuckDbDialect();
    private final Transactions transactions;
    private final RelationSwap swap;
    private final String database;
    private final RelationCache cache = new RelationCache();

    /** The relation cache's count of catalog listings (for tests). */
    int catalogListings() {
        return cache.listings();
    }

    private DuckDbAdapter(ConnectionPool pool, String database) {
        this.pool = pool;
        this.database = database;
        this.transactions = new Transactions(pool, dialect);
        this.swap = new RelationSwap(dialect, database);
    }

    static DuckDbAdapter open(TargetConfig target, AdapterContext context) {
        DuckDbTarget where = DuckDbTarget.of(target, context);
        where.createParentFolders();
        String shown = where.file() == null ? DuckDbTarget.MEMORY : where.file().toString();
        DuckDBConnection primary;
        try {
            primary = (DuckDBConnection) DriverManager.getConnection(where.url(), where.settings());
        } catch (SQLException e) {
            throw DuckDbErrors.wrap("cannot open DuckDB database " + shown
                    + (where.settings().isEmpty() ? "" : " with settings " + where.settings().keySet()), e);
        }
        try {
            String database;
            try (Statement statement = primary.createStatement();
                 ResultSet rs = statement.executeQuery("select current_database()")) {
                rs.next();
                database = rs.getString(1);
            }
            int threads = context.threads() > 0 ? context.threads() : Math.max(1, target.threads());
            return new DuckDbAdapter(new ConnectionPool(primary, threads), database);
        } catch (SQLException e) {
            closeQuietly(primary);
            throw new AdapterException("cannot open DuckDB database " + shown + ": " + DuckDbErrors.clean(e.getMessage()),
                    e, false);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing
        }
    }

    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public SqlDialect dialect() {
        return dialect;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public String defaultDatabase() {
        return database;
    }

    /** Connections in the pool; {@code threads} of the target. */
    public int poolSize() {
        return pool.size();
    }

    @Override
    public void execute(String sql) {
        try {
            run(sql);
        } finally {
            if (!RelationCache.readsOnly(sql)) {
                cache.forget();
            }
        }
    }

    /** Runs DDL whose effect on the catalog the caller records in the cache itself. */
    private void run(String sql) {
        pool.with(connection -> {
            try (Statement statement = pool.statement(connection)) {
                statement.execute(sql);
            }
            return null;
        });
    }

    @Override
    public void executeAtomically(List<String> statements) {
        try {
            transactions.inTransaction(statement -> {
                for (String sql : statements) {
                    statement.execute(sql);
                }
                return null;
            });
        } finally {
            if (!statements.stream().allMatch(RelationCache::readsOnly)) {
                cache.forget();
            }
        }
    }

    @Override
    public QueryResult query(String sql, int limit) {
        try {
            return queryUncached(sql, limit);
        } finally {
            if (!RelationCache.readsOnly(sql)) {
                cache.forget();
            }
        }
    }

    private QueryResult queryUncached(String sql, int limit) {
        return pool.with(connection -> {
            try (Statement statement = pool.statement(connection)) {
                if (!statement.execute(sql)) {
                    return new QueryResult(List.of(), List.of());
                }
                try (ResultSet rs = statement.getResultSet()) {
                    return read(rs, limit);
                }
            }
        });
    }

    private static QueryResult read(ResultSet rs, int limit) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int count = meta.getColumnCount();
        List<Column> columns = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            columns.add(new Column(meta.getColumnLabel(i), meta.getColumnTypeName(i), i, null));
        }
        List<List<Object>> rows = new ArrayList<>();
        while ((limit < 0 || rows.size() < limit) && rs.next()) {
            List<Object> row = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                row.add(JdbcValues.plain(rs.getObject(i)));
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows);
    }

    @Override
    public List<Relation> listRelations(String db, String schema) {
        String catalog = db == null ? database : db;
        return cache.list(catalog, schema, () -> listUncached(catalog, schema)).stream()
                .map(r -> new Relation(catalog, schema, r.identifier(), r.type())).toList();
    }

    private List<Relation> listUncached(String catalog, String schema) {
        return pool.with(connection -> {
            String sql = "select table_name, table_type from information_schema.tables "
                    + "where lower(table_catalog) = lower(?) and lower(table_schema) = lower(?) order by table_name";
            try (PreparedStatement statement = pool.prepare(connection, sql)) {
                statement.setString(1, catalog);
                statement.setString(2, schema);
                List<Relation> relations = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        RelationType type = rs.getString(2).contains("VIEW") ? RelationType.VIEW : RelationType.TABLE;
                        relations.add(new Relation(catalog, schema, rs.getString(1), type));
                    }
                }
                return relations;
            }
        });
    }

    @Override
    public Optional<Relation> getRelation(String db, String schema, String identifier) {
        String catalog = db == null ? database : db;
        return cache.get(catalog, schema, identifier, () -> listUncached(catalog, schema))
                .map(r -> new Relation(catalog, schema, r.identifier(), r.type()));
    }

    @Override
    public List<Column> columnsOf(Relation relation) {
        return pool.with(connection -> {
            String sql = "select column_name, data_type, column_index, comment from duckdb_columns() "
                    + "where lower(database_name) = lower(?) and lower(schema_name) = lower(?) "
                    + "and lower(table_name) = lower(?) order by column_index";
            try (PreparedStatement statement = pool.prepare(connection, sql)) {
                statement.setString(1, relation.database() == null ? database : relation.database());
                statement.setString(2, relation.schema() == null ? "main" : relation.schema());
                statement.setString(3, relation.identifier());
                List<Column> columns = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new Column(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
                    }
                }
                return columns;
            }
        });
    }

    /**
     * One query for the whole schema: tables (with DuckDB's stored row count, exact for its own tables) and views,
     * each with its columns in order.
     */
    @Override
    public List<CatalogEntry> catalog(String db, String schema) {
        String catalog = db == null ? database : db;
        return pool.with(connection -> {
            String sql = "with rels as ("
                    + " select table_name as name, 'BASE TABLE' as kind, comment, estimated_size as row_count"
                    + " from duckdb_tables() where lower(database_name) = lower(?) and lower(schema_name) = lower(?)"
                    + " union all"
                    + " select view_name, 'VIEW', comment, null from duckdb_views()"
                    + " where lower(database_name) = lower(?) and lower(schema_name) = lower(?) and not internal)"
                    + " select r.name, r.kind, r.comment, r.row_count, c.column_name, c.data_type, c.column_index, c.comment"
                    + " from rels r left join duckdb_columns() c on lower(c.database_name) = lower(?)"
                    + " and lower(c.schema_name) = lower(?) and c.table_name = r.name"
                    + " order by r.name, c.column_index";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < 3; i++) {
                    statement.setString(2 * i + 1, catalog);
                    statement.setString(2 * i + 2, schema);
                }
                java.util.Map<String, CatalogEntry> entries = new java.util.LinkedHashMap<>();
                java.util.Map<String, List<Column>> columns = new java.util.LinkedHashMap<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        if (!entries.containsKey(name)) {
                            RelationType type = "VIEW".equals(rs.getString(2)) ? RelationType.VIEW : RelationType.TABLE;
                            long rows = rs.getLong(4);
                            Long rowCount = rs.wasNull() ? null : rows;
                            entries.put(name, new CatalogEntry(new Relation(catalog, schema, name, type),
                                    rs.getString(3), null, List.of(), rowCount));
                            columns.put(name, new ArrayList<>());
                        }
                        String column = rs.getString(5);
                        if (column != null) {
                            columns.get(name).add(new Column(column, rs.getString(6), rs.getInt(7), rs.getString(8)));
                        }
                    }
                }
                List<CatalogEntry> out = new ArrayList<>();
                entries.forEach((name, e) -> out.add(new CatalogEntry(e.relation(), e.comment(), e.owner(),
                        columns.get(name), e.rowCount())));
                return out;
            }
        });
    }

    @Override
    public void createSchema(String db, String schema) {
        ensureSchema(db, schema);
    }

    private void ensureSchema(String db, String schema) {
        String catalog = db == null ? database : db;
        if (schema == null || schema.isEmpty() || cache.schemaExists(catalog, schema)) {
            return;
        }
        transactions.createSchema(db, schema);
        cache.schemaCreated(catalog, schema);
    }

    @Override
    public void dropSchema(String db, String schema) {
        try {
            run("drop schema if exists " + schemaName(db, schema) + " cascade");
        } finally {
            cache.schemaDropped(db == null ? database : db, schema);
        }
    }

    private String schemaName(String db, String schema) {
        return (db == null ? "" : dialect.quote(db) + ".") + dialect.quote(schema);
    }

    @Override
    public void dropRelation(Relation relation) {
        Optional<RelationType> actual = getRelation(relation.database(), relation.schema(), relation.identifier())
                .map(Relation::type);
        RelationType type = actual.orElse(relation.type());
        try {
            run("drop " + kind(type) + " if exists " + dialect.render(relation) + " cascade");
            cache.dropped(catalogOf(relation), schemaOf(relation), relation.identifier());
        } catch (RuntimeException e) {
            cache.forget();
            throw e;
        }
    }

    private String catalogOf(Relation relation) {
        return relation.database() == null ? database : relation.database();
    }

    private static String schemaOf(Relation relation) {
        return relation.schema() == null ? "main" : relation.schema();
    }

    /** The kind of relation the catalog holds under {@code target}'s name, or null; from the cache. */
    private RelationType existing(Relation target) {
        return getRelation(catalogOf(target), schemaOf(target), target.identifier()).map(Relation::type).orElse(null);
    }

    static String kind(RelationType type) {
        return type == RelationType.VIEW ? "view" : "table";
    }

    @Override
    public void replace(Relation target, String selectSql, RelationType as) {
        if (as != RelationType.TABLE && as != RelationType.VIEW) {
            throw new AdapterException("DuckDB can only build a table or a view, not " + as.dbtName(), false);
        }
        String body = withoutTrailingSemicolons(selectSql);
        ensureSchema(target.database(), target.schema());
        RelationType existing = existing(target);
        String create = "create or replace " + kind(as) + " " + dialect.render(target) + " as (\n" + body + "\n)";
        try {
            if (swap.needed(as, existing)) {
                transactions.inTransaction(statement -> {
                    swap.clearFor(statement, target, as, existing);
                    statement.execute(create);
                    return null;
                });
            } else {
                transactions.single(create);
            }
        } catch (RuntimeException e) {
            cache.forget();
            throw e;
        }
        cache.built(catalogOf(target), schemaOf(target), target.identifier(), as);
    }

    @Override
    public long loadCsv(Relation target, CsvLoadOptions options) {
        ensureSchema(target.database(), target.schema());
        RelationType existing = existing(target);
        long rows;
        try {
            rows = new SeedLoader(dialect, transactions, swap).load(target.withType(RelationType.TABLE), options,
                    existing);
        } catch (RuntimeException e) {
            cache.forget();
            throw e;
        }
        cache.built(catalogOf(target), schemaOf(target), target.identifier(), RelationType.TABLE);
        return rows;
    }

    private static String withoutTrailingSemicolons(String sql) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        return text;
    }

    @Override
    public java.util.Optional<dev.sluice.spi.LocalExchange> localExchange() {
        return java.util.Optional.of(new DuckDbExchange(this));
    }

    @Override
    public void cancel() {
        pool.cancel();
    }

    @Override
    public void close() {
        pool.close();
    }
}
