package dev.sluice.duckdb;

import dev.sluice.spi.Adapter;
import dev.sluice.spi.AdapterContext;
import dev.sluice.spi.AdapterException;
import dev.sluice.spi.Capability;
import dev.sluice.spi.Column;
import dev.sluice.spi.CsvLoadOptions;
import dev.sluice.spi.QueryResult;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import dev.sluice.spi.SqlDialect;
import dev.sluice.spi.TargetConfig;
import java.nio.file.Path;
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
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/** The embedded default warehouse: one DuckDB database (a file, or memory) shared by a pool of duplicated connections. */
public final class DuckDbAdapter implements Adapter {
    private final ConnectionPool pool;
    private final SqlDialect dialect = new DuckDbDialect();
    private final String database;

    private DuckDbAdapter(ConnectionPool pool, String database) {
        this.pool = pool;
        this.database = database;
    }

    static DuckDbAdapter open(TargetConfig target, AdapterContext context) {
        String path = target.stringField("path", ":memory:");
        String url = "jdbc:duckdb:";
        if (!path.equals(":memory:") && !path.startsWith("md:")) {
            Path file = context.projectDir().resolve(path).normalize();
            if (file.getParent() != null) {
                file.getParent().toFile().mkdirs();
            }
            url += file;
        }
        try {
            Properties properties = new Properties();
            Object settings = target.fields().get("settings");
            if (settings instanceof Map<?, ?> map) {
                map.forEach((k, v) -> properties.setProperty(String.valueOf(k), String.valueOf(v)));
            }
            DuckDBConnection primary = (DuckDBConnection) DriverManager.getConnection(url, properties);
            String database;
            try (Statement statement = primary.createStatement();
                 ResultSet rs = statement.executeQuery("select current_database()")) {
                rs.next();
                database = rs.getString(1);
            }
            return new DuckDbAdapter(new ConnectionPool(primary, Math.max(1, context.threads())), database);
        } catch (SQLException e) {
            throw new AdapterException("could not open DuckDB database '" + path + "': " + DuckDbErrors.clean(e.getMessage()),
                    e, true);
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
    public QueryResult query(String sql, int limit) {
        return pool.with(connection -> {
            try (Statement statement = connection.createStatement()) {
                boolean hasResults = statement.execute(sql);
                if (!hasResults) {
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
                row.add(rs.getObject(i));
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows);
    }

    @Override
    public List<Relation> listRelations(String db, String schema) {
        return pool.with(connection -> {
            String sql = "select table_name, table_type from information_schema.tables "
                    + "where lower(table_catalog) = lower(?) and lower(table_schema) = lower(?)";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, db == null ? database : db);
                statement.setString(2, schema);
                List<Relation> relations = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        RelationType type = rs.getString(2).contains("VIEW") ? RelationType.VIEW : RelationType.TABLE;
                        relations.add(new Relation(db == null ? database : db, schema, rs.getString(1), type));
                    }
                }
                return relations;
            }
        });
    }

    @Override
    public Optional<Relation> getRelation(String db, String schema, String identifier) {
        return listRelations(db, schema).stream()
                .filter(r -> r.identifier().equalsIgnoreCase(identifier))
                .findFirst();
    }

    @Override
    public List<Column> columnsOf(Relation relation) {
        return pool.with(connection -> {
            String sql = "select column_name, data_type, ordinal_position, comment from duckdb_columns() "
                    + "where lower(database_name) = lower(?) and lower(schema_name) = lower(?) and lower(table_name) = lower(?) "
                    + "order by column_index";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, relation.database() == null ? database : relation.database());
                statement.setString(2, relation.schema());
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

    @Override
    public void createSchema(String db, String schema) {
        execute("create schema if not exists " + schemaName(db, schema));
    }

    @Override
    public void dropSchema(String db, String schema) {
        execute("drop schema if exists " + schemaName(db, schema) + " cascade");
    }

    private String schemaName(String db, String schema) {
        return (db == null ? "" : dialect.quote(db) + ".") + dialect.quote(schema);
    }

    @Override
    public void dropRelation(Relation relation) {
        String kind = relation.type() == RelationType.VIEW ? "view" : "table";
        execute("drop " + kind + " if exists " + dialect.render(relation) + " cascade");
    }

    @Override
    public void replace(Relation target, String selectSql, RelationType as) {
        String kind = as == RelationType.VIEW ? "view" : "table";
        Optional<Relation> existing = getRelation(target.database(), target.schema(), target.identifier());
        inTransaction(statement -> {
            statement.execute("create schema if not exists " + schemaName(target.database(), target.schema()));
            if (existing.isPresent() && existing.get().type() != as) {
                String oldKind = existing.get().type() == RelationType.VIEW ? "view" : "table";
                statement.execute("drop " + oldKind + " " + dialect.render(target));
            }
            statement.execute("create or replace " + kind + " " + dialect.render(target) + " as (\n" + selectSql + "\n)");
        });
    }

    @Override
    public long loadCsv(Relation target, CsvLoadOptions options) {
        String select = CsvReadSql.select(options, dialect);
        Optional<Relation> existing = getRelation(target.database(), target.schema(), target.identifier());
        long[] rows = new long[1];
        inTransaction(statement -> {
            statement.execute("create schema if not exists " + schemaName(target.database(), target.schema()));
            if (existing.isPresent() && existing.get().type() == RelationType.VIEW) {
                statement.execute("drop view " + dialect.render(target));
            }
            statement.execute("create or replace table " + dialect.render(target) + " as " + select);
            try (ResultSet rs = statement.executeQuery("select count(*) from " + dialect.render(target))) {
                rs.next();
                rows[0] = rs.getLong(1);
            }
        });
        return rows[0];
    }

    private interface StatementWork {
        void run(Statement statement) throws SQLException;
    }

    private void inTransaction(StatementWork work) {
        pool.with(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                work.run(statement);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return null;
        });
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the user needs to see
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
