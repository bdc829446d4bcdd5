package dev.sluice.postgres;

import dev.sluice.spi.AdapterException;
import dev.sluice.spi.ExchangeColumn;
import dev.sluice.spi.LocalExchange;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.postgresql.PGConnection;

/**
 * PostgreSQL's side of the {@link LocalExchange} layout. The server cannot read the client's files, so both ways go
 * through {@code COPY} on the driver's CopyManager: {@link #export} streams {@code COPY (select ...) TO STDOUT} into
 * the file, each column spelled as its kind says; {@link #stage} streams the file with {@code COPY FROM STDIN} into a
 * temporary text table and builds {@code <model>__sluice_py} from it with exact conversions, in one transaction, so the
 * staged relation exists whole or not at all. It is dropped when the handle closes (and before the next load, should a
 * crash have left it).
 */
final class PostgresExchange implements LocalExchange {
    static final String SUFFIX = "__sluice_py";
    private static final String MICROS_PER_DAY = "86400000000";

    private final ConnectionPool pool;
    private final PostgresDialect dialect;
    private final Function<Relation, Relation> withSchema;
    private final Consumer<Relation> createSchema;
    private final Consumer<String> notices;

    PostgresExchange(ConnectionPool pool, PostgresDialect dialect, Function<Relation, Relation> withSchema,
                     Consumer<Relation> createSchema, Consumer<String> notices) {
        this.pool = pool;
        this.dialect = dialect;
        this.withSchema = withSchema;
        this.createSchema = createSchema;
        this.notices = notices;
    }

    /** One column of a query: its name, driver type name, and numeric precision and scale. */
    private record Described(String name, String type, int precision, int scale) {
    }

    @Override
    public List<ExchangeColumn> export(String selectSql, Path csvFile) {
        String body = selectSql.strip().replaceAll(";+\\s*$", "");
        return pool.inTransaction(connection -> {
            List<Described> described = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local extra_float_digits = 1"); // shortest text that reads back exactly
                try (ResultSet rs = statement.executeQuery("select * from (\n" + body + "\n) __sluice_src limit 0")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        described.add(new Described(meta.getColumnLabel(i), meta.getColumnTypeName(i),
                                meta.getPrecision(i), meta.getScale(i)));
                    }
                }
                if (described.isEmpty()) {
                    throw new AdapterException("the query has no columns", true);
                }
                List<String> aliases = new ArrayList<>();
                for (int i = 0; i < described.size(); i++) {
                    aliases.add("c" + i);
                }
                // positional aliases: the query's own names may repeat or need quoting
                String source = "(\n" + body + "\n) __sluice_src (" + String.join(", ", aliases) + ")";
                List<String> stats = new ArrayList<>();
                for (int i = 0; i < described.size(); i++) {
                    String c = "c" + i;
                    stats.add("count(*) - count(" + c + ")");
                    if (unconstrainedNumeric(described.get(i))) {
                        stats.add("coalesce(max(scale(" + c + ")), 0)");
                        stats.add("coalesce(max(length(trunc(abs(" + c + "))::text)), 1)");
                    }
                }
                List<ExchangeColumn> columns = new ArrayList<>();
                List<String> fields = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("select " + String.join(", ", stats) + " from " + source)) {
                    rs.next();
                    int at = 1;
                    for (int i = 0; i < described.size(); i++) {
                        Described column = described.get(i);
                        boolean nulls = rs.getLong(at++) > 0;
                        String kind = kindOf(column);
                        if (unconstrainedNumeric(column)) {
                            int scale = rs.getInt(at++);
                            int whole = rs.getInt(at++);
                            kind = "decimal(" + Math.max(1, whole + scale) + "," + scale + ")";
                        }
                        columns.add(new ExchangeColumn(column.name(), kind, nulls));
                        fields.add(exportField("c" + i, kind));
                    }
                }
                String copy = "copy (select " + String.join(", ", fields) + " from " + source
                        + ") to stdout with (format csv, header false, delimiter ',', quote '\"', escape '\"',"
                        + " null '', encoding 'UTF8')";
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csvFile), 1 << 16)) {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, out);
                }
                return columns;
            }
        });
    }

    private static boolean unconstrainedNumeric(Described column) {
        return column.type().equals("numeric") && (column.precision() <= 0 || column.precision() > 1000);
    }

    /** The exchange kind of a column of a PostgreSQL type; other types travel as their text. */
    static String kindOf(Described column) {
        return switch (column.type()) {
            case "bool" -> "bool";
            case "int2" -> "int16";
            case "int4" -> "int32";
            case "int8" -> "int64";
            case "float4" -> "float32";
            case "float8" -> "float64";
            case "numeric" -> "decimal(" + column.precision() + "," + column.scale() + ")";
            case "date" -> "date";
            case "time" -> "time";
            case "timestamp" -> "timestamp";
            case "timestamptz" -> "timestamptz";
            default -> "string";
        };
    }

    private static String exportField(String c, String kind) {
        return switch (kind) {
            case "string" -> "'~' || " + c + "::text";
            case "float32", "float64" -> "case when " + c + " = 'NaN' then 'nan' when " + c + " = 'Infinity' then 'inf'"
                    + " when " + c + " = '-Infinity' then '-inf' else " + c + "::text end";
            case "timestamp" -> micros(c);
            case "timestamptz" -> micros("(" + c + " at time zone 'UTC')");
            default -> c + "::text"; // ints, decimals, true/false, ISO dates and times
        };
    }

    /** Microseconds since 1970-01-01 of a timestamp, exactly: whole days, then the time of day. */
    private static String micros(String timestamp) {
        return "((" + timestamp + ")::date - date '1970-01-01')::bigint * " + MICROS_PER_DAY
                + " + round(extract(epoch from (" + timestamp + ")::time) * 1000000)::bigint";
    }

    @Override
    public Staged stage(Path csvFile, List<ExchangeColumn> columns, Relation near) {
        if (columns.isEmpty()) {
            throw new AdapterException("the exchange file has no columns", true);
        }
        Relation where = withSchema.apply(near);
        Relation staged = where.withIdentifier(RelationSwap.sideName(where.identifier(), SUFFIX))
                .withType(RelationType.TABLE);
        List<String> texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ExchangeColumn column = columns.get(i);
            texts.add("c" + i + " text");
            names.add("c" + i);
            typed.add(importField("c" + i, column) + " as " + dialect.quote(column.name()));
        }
        createSchema.accept(where);
        String load = "__sluice_exchange_load";
        pool.inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists " + dialect.render(staged));
                statement.execute("create temporary table " + load + " (" + String.join(", ", texts)
                        + ") on commit drop");
                // every non-NULL value of the layout is non-empty (strings carry their '~'), so an empty field is
                // NULL quoted or not: pandas writes a lone NULL as "" to keep the line from being blank
                String copy = "copy " + load + " from stdin with (format csv, header false, delimiter ',', quote '\"',"
                        + " escape '\"', null '', force_null (" + String.join(", ", names) + "), encoding 'UTF8')";
                try (InputStream in = new BufferedInputStream(Files.newInputStream(csvFile), 1 << 16)) {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, in);
                }
                statement.execute("create unlogged table " + dialect.render(staged) + " as select "
                        + String.join(", ", typed) + " from " + load);
            }
            return null;
        });
        String select = "select * from " + dialect.render(staged);
        return new Staged() {
            @Override
            public String selectSql() {
                return select;
            }

            @Override
            public void close() {
                try {
                    pool.with(connection -> {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("drop table if exists " + dialect.render(staged));
                        }
                        return null;
                    });
                } catch (RuntimeException e) {
                    notices.accept("postgres: could not drop " + dialect.render(staged) + " (" + e.getMessage()
                            + "); the next run of the model drops it");
                }
            }
        };
    }

    /** The typed value of a text field in the exchange layout, exactly as its kind says. */
    private static String importField(String c, ExchangeColumn column) {
        String kind = column.kind();
        return switch (kind) {
            case "string" -> "substr(" + c + ", 2)";
            case "bool" -> c + "::boolean";
            case "int8", "int16", "uint8" -> c + "::smallint";
            case "int32", "uint16" -> c + "::integer";
            case "int64", "uint32" -> c + "::bigint";
            case "uint64" -> c + "::numeric(20,0)";
            case "int128", "uint128" -> c + "::numeric(39,0)";
            case "float32" -> c + "::real";
            case "float64" -> c + "::double precision";
            case "date" -> c + "::date";
            case "time" -> c + "::time";
            case "timestamp" -> fromMicros(c + "::bigint");
            case "timestamptz" -> "(" + fromMicros(c + "::bigint") + ") at time zone 'UTC'";
            case "interval" -> "(" + c + "::bigint / 1000000) * interval '1 second' + (" + c
                    + "::bigint % 1000000) * interval '1 microsecond'";
            default -> {
                if (kind.matches("decimal\\(\\d+,\\d+\\)")) {
                    yield c + "::numeric" + kind.substring("decimal".length());
                }
                throw new AdapterException("unknown exchange kind '" + kind + "' for column " + column.name(), true);
            }
        };
    }

    /** A timestamp from microseconds since 1970-01-01: whole days, then the rest (each product exact). */
    private static String fromMicros(String micros) {
        return "timestamp '1970-01-01' + (" + micros + " / " + MICROS_PER_DAY + ") * interval '1 day' + (" + micros
                + " % " + MICROS_PER_DAY + ") * interval '1 microsecond'";
    }
}
