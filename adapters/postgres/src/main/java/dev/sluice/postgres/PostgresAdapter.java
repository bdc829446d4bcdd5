package dev.sluice.postgres;

import dev.sluice.spi.Adapter;
import dev.sluice.spi.AdapterContext;
import dev.sluice.spi.AdapterException;
import dev.sluice.spi.Capability;
import dev.sluice.spi.Column;
import dev.sluice.spi.CsvLoadOptions;
import dev.sluice.spi.LocalExchange;
import dev.sluice.spi.QueryResult;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import dev.sluice.spi.SqlDialect;
import dev.sluice.spi.TargetConfig;
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
import java.util.function.Consumer;

/** PostgreSQL through its JDBC driver: a pool of {@code threads} connections to one database. */
public final class PostgresAdapter implements Adapter {
    /** The first pause before a retry; later ones double (1 s, 2 s, 4 s, ...). */
    static final long FIRST_BACKOFF_MILLIS = 1000;

    private final PostgresTarget target;
    private final ConnectionPool pool;
    private final PostgresDialect dialect;
    private final String database;
    private final RelationSwap swap;
    private final Consumer<String> notices;
    private final PostgresExchange exchange;

    private PostgresAdapter(PostgresTarget target, ConnectionPool pool, PostgresDialect dialect, String database,
                            Consumer<String> notices) {
        this.target = target;
        this.pool = pool;
        this.dialect = dialect;
        this.database = database;
        this.notices = notices;
        this.swap = new RelationSwap(dialect, notices);
        this.exchange = new PostgresExchange(pool, dialect, this::withSchema,
                r -> createSchema(r.database(), r.schema()), notices);
    }

    static PostgresAdapter open(TargetConfig config, AdapterContext context) {
        PostgresTarget target = PostgresTarget.of(config);
        int threads = context.threads() > 0 ? context.threads() : Math.max(1, config.threads());
        ConnectionPool pool = new ConnectionPool(target, threads, context.notices(), FIRST_BACKOFF_MILLIS);
        try {
            String[] facts = pool.probe(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery(
                             "select current_database(), current_setting('server_version_num')")) {
                    rs.next();
                    return new String[] {rs.getString(1), rs.getString(2)};
                }
            });
            return new PostgresAdapter(target, pool, new PostgresDialect(Integer.parseInt(facts[1])), facts[0],
                    context.notices());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public String type() {
        return "postgres";
    }

    @Override
    public SqlDialect dialect() {
        return dialect;
    }

    /** Every capability; MERGE only on PostgreSQL 15 and later (older servers get the update+insert spelling). */
    @Override
    public Set<Capability> capabilities() {
        Set<Capability> all = EnumSet.allOf(Capability.class);
        if (!dialect.hasMerge()) {
            all.remove(Capability.MERGE);
        }
        return all;
    }

    @Override
    public String defaultDatabase() {
        return database;
    }

    /** {@code server_version_num} of the server, e.g. 170007. */
    public int serverVersionNum() {
        return dialect.serverVersionNum();
    }

    /** Connections the pool may open: {@code threads}. */
    public int poolSize() {
        return pool.size();
    }

    @Override
    public void execute(String sql) {
        pool.with(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

    @Override
    public void executeAtomically(List<String> statements) {
        pool.inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            return null;
        });
    }

    @Override
    public QueryResult query(String sql, int limit) {
        return pool.with(connection -> {
            try (Statement statement = connection.createStatement()) {
                if (limit >= 0) {
                    statement.setMaxRows(limit);
                }
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
                row.add(JdbcValues.read(rs, i, columns.get(i - 1).dataType()));
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows);
    }

    private boolean otherDatabase(String db) {
        return db != null && !db.isEmpty() && !db.equalsIgnoreCase(database);
    }

    @Override
    public List<Relation> listRelations(String db, String schema) {
        if (otherDatabase(db)) {
            return List.of();
        }
        return pool.with(connection -> {
            String sql = "select c.relname, c.relkind from pg_catalog.pg_class c"
                    + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                    + " where lower(n.nspname) = lower(?) and c.relkind in ('r', 'v', 'm', 'p', 'f')"
                    + " order by c.relname";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, schema);
                List<Relation> relations = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        relations.add(new Relation(database, schema, rs.getString(1), relationType(rs.getString(2))));
                    }
                }
                return relations;
            }
        });
    }

    static RelationType relationType(String relkind) {
        return switch (relkind) {
            case "v", "m" -> RelationType.VIEW;
            case "f" -> RelationType.EXTERNAL;
            default -> RelationType.TABLE;
        };
    }

    @Override
    public Optional<Relation> getRelation(String db, String schema, String identifier) {
        List<Relation> all = listRelations(db, schema);
        return all.stream().filter(r -> r.identifier().equals(identifier)).findFirst()
                .or(() -> all.stream().filter(r -> r.identifier().equalsIgnoreCase(identifier)).findFirst());
    }

    @Override
    public List<Column> columnsOf(Relation relation) {
        if (otherDatabase(relation.database())) {
            return List.of();
        }
        String schema = relation.schema() == null ? target.schema() : relation.schema();
        return pool.with(connection -> {
            String sql = "select a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
                    + " pg_catalog.col_description(a.attrelid, a.attnum), c.relname = ? as exact"
                    + " from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid"
                    + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                    + " where lower(n.nspname) = lower(?) and lower(c.relname) = lower(?)"
                    + " and a.attnum > 0 and not a.attisdropped order by exact desc, c.oid, a.attnum";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, relation.identifier());
                statement.setString(2, schema);
                statement.setString(3, relation.identifier());
                List<Column> columns = new ArrayList<>();
                Boolean exact = null;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        boolean thisExact = rs.getBoolean(4);
                        if (exact != null && exact && !thisExact) {
                            break; // another relation differing only in case
                        }
                        exact = thisExact;
                        columns.add(new Column(rs.getString(1), rs.getString(2), columns.size() + 1, rs.getString(3)));
                    }
                }
                return columns;
            }
        });
    }

    @Override
    public void createSchema(String db, String schema) {
        try {
            pool.with(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create schema if not exists " + dialect.quote(schema));
                }
                return null;
            });
        } catch (AdapterException e) {
            // two workers creating the same schema at once: the loser sees a unique violation; the schema exists
            if (!(e.getCause() instanceof SQLException sql) || !List.of("23505", "42P06").contains(sql.getSQLState())) {
                throw e;
            }
        }
    }

    @Override
    public void dropSchema(String db, String schema) {
        execute("drop schema if exists " + dialect.quote(schema) + " cascade");
    }

    @Override
    public void dropRelation(Relation relation) {
        pool.with(connection -> {
            String kind = RelationSwap.relkind(connection, relation);
            if (kind != null) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("drop " + RelationSwap.kindWord(kind) + " if exists " + dialect.render(relation)
                            + " cascade");
                }
            }
            return null;
        });
    }

    @Override
    public void replace(Relation target, String selectSql, RelationType as) {
        if (as != RelationType.TABLE && as != RelationType.VIEW) {
            throw new AdapterException("PostgreSQL can only build a table or a view, not " + as.dbtName(), false);
        }
        String body = withoutTrailingSemicolons(selectSql);
        Relation where = withSchema(target);
        createSchema(where.database(), where.schema());
        pool.inTransaction(connection -> {
            swap.replace(connection, where, as, (statement, tmp) -> statement.execute("create "
                    + (as == RelationType.VIEW ? "view " : "table ") + dialect.render(tmp) + " as (\n" + body + "\n)"));
            return null;
        });
    }

    @Override
    public long loadCsv(Relation target, CsvLoadOptions options) {
        Relation where = withSchema(target.withType(RelationType.TABLE));
        createSchema(where.database(), where.schema());
        return new SeedLoader(dialect, pool, swap).load(where, options);
    }

    /** Python models run in a local CPython; their data moves by COPY (see {@link PostgresExchange}). */
    @Override
    public Optional<LocalExchange> localExchange() {
        return Optional.of(exchange);
    }

    private Relation withSchema(Relation relation) {
        return relation.schema() == null || relation.schema().isEmpty()
                ? new Relation(relation.database(), target.schema(), relation.identifier(), relation.type()) : relation;
    }

    private static String withoutTrailingSemicolons(String sql) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        return text;
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
