package dev.sluice.duckdb;

import dev.sluice.spi.Adapter;
import dev.sluice.spi.AdapterException;
import dev.sluice.spi.ExchangeColumn;
import dev.sluice.spi.LocalExchange;
import dev.sluice.spi.QueryResult;
import dev.sluice.spi.SqlDialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DuckDB's side of the {@link LocalExchange} layout: {@code COPY ... TO} a headerless CSV with each column spelled as
 * its kind says, and {@code read_csv} with explicit types (no sniffing) to read one back.
 */
final class DuckDbExchange implements LocalExchange {
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("BOOLEAN", "bool"), Map.entry("TINYINT", "int8"), Map.entry("SMALLINT", "int16"),
            Map.entry("INTEGER", "int32"), Map.entry("BIGINT", "int64"), Map.entry("UTINYINT", "uint8"),
            Map.entry("USMALLINT", "uint16"), Map.entry("UINTEGER", "uint32"), Map.entry("UBIGINT", "uint64"),
            Map.entry("HUGEINT", "int128"), Map.entry("UHUGEINT", "uint128"), Map.entry("FLOAT", "float32"),
            Map.entry("DOUBLE", "float64"), Map.entry("DATE", "date"), Map.entry("TIME", "time"),
            Map.entry("TIMESTAMP", "timestamp"), Map.entry("TIMESTAMP_S", "timestamp"),
            Map.entry("TIMESTAMP_MS", "timestamp"), Map.entry("TIMESTAMP_NS", "timestamp"),
            Map.entry("TIMESTAMP WITH TIME ZONE", "timestamptz"));

    private final Adapter adapter;
    private final SqlDialect dialect;

    DuckDbExchange(Adapter adapter) {
        this.adapter = adapter;
        this.dialect = adapter.dialect();
    }

    @Override
    public List<ExchangeColumn> export(String selectSql, Path csvFile) {
        String body = selectSql.strip().replaceAll(";+\\s*$", "");
        QueryResult described = adapter.query("describe select * from (\n" + body + "\n) __sluice_src");
        List<String> names = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (List<Object> row : described.rows()) {
            names.add(String.valueOf(row.get(0)));
            kinds.add(kindOf(String.valueOf(row.get(1))));
        }
        if (names.isEmpty()) {
            throw new AdapterException("the query has no columns", true);
        }
        String source = "(\n" + body + "\n) __sluice_src";
        List<String> nullCounts = new ArrayList<>();
        for (String name : names) {
            nullCounts.add("count(*) - count(" + dialect.quote(name) + ")");
        }
        List<Object> counts = adapter.query("select " + String.join(", ", nullCounts) + " from " + source).rows().get(0);
        List<String> fields = new ArrayList<>();
        List<ExchangeColumn> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String column = dialect.quote(names.get(i));
            fields.add(switch (kinds.get(i)) {
                case "timestamp", "timestamptz" -> "epoch_us(" + column + ")";
                case "string" -> "'~' || " + column + "::varchar";
                default -> column;
            } + " as c" + i);
            columns.add(new ExchangeColumn(names.get(i), kinds.get(i), ((Number) counts.get(i)).longValue() > 0));
        }
        adapter.execute("copy (select " + String.join(", ", fields) + " from " + source + ") to "
                + literal(csvFile) + " (format csv, header false, delimiter ',', quote '\"', escape '\"', nullstr '')");
        return columns;
    }

    @Override
    public String readSql(Path csvFile, List<ExchangeColumn> columns) {
        List<String> types = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ExchangeColumn column = columns.get(i);
            String field = "c" + i;
            String kind = column.kind();
            String type = switch (kind) {
                case "bool" -> "BOOLEAN";
                case "int8" -> "TINYINT";
                case "int16" -> "SMALLINT";
                case "int32" -> "INTEGER";
                case "int64", "timestamp", "timestamptz", "interval" -> "BIGINT";
                case "uint8" -> "UTINYINT";
                case "uint16" -> "USMALLINT";
                case "uint32" -> "UINTEGER";
                case "uint64" -> "UBIGINT";
                case "int128" -> "HUGEINT";
                case "uint128" -> "UHUGEINT";
                case "float32" -> "FLOAT";
                case "float64" -> "DOUBLE";
                case "date" -> "DATE";
                case "time" -> "TIME";
                case "string" -> "VARCHAR";
                default -> {
                    if (kind.matches("decimal\\(\\d+,\\d+\\)")) {
                        yield kind.toUpperCase(Locale.ROOT);
                    }
                    throw new AdapterException("unknown exchange kind '" + kind + "' for column " + column.name(), true);
                }
            };
            types.add("'" + field + "': '" + type + "'");
            String value = switch (kind) {
                case "timestamp" -> "make_timestamp(" + field + ")";
                case "timestamptz" -> "make_timestamptz(" + field + ")";
                case "interval" -> "to_microseconds(" + field + ")";
                case "string" -> "substr(" + field + ", 2)";
                default -> field;
            };
            fields.add(value + " as " + dialect.quote(column.name()));
        }
        return "select " + String.join(", ", fields) + " from read_csv(" + literal(csvFile)
                + ", header = false, auto_detect = false, delim = ',', quote = '\"', escape = '\"', nullstr = '',"
                + " max_line_size = 2147483647, columns = {" + String.join(", ", types) + "})";
    }

    static String kindOf(String duckType) {
        String type = duckType.toUpperCase(Locale.ROOT).strip();
        String kind = KINDS.get(type);
        if (kind != null) {
            return kind;
        }
        if (type.startsWith("DECIMAL(")) {
            return type.toLowerCase(Locale.ROOT).replace(" ", "");
        }
        return "string";
    }

    private static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
