package dev.sluice.duckdb;

import dev.sluice.spi.CsvLoadOptions;
import dev.sluice.spi.SqlDialect;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code read_csv(...)} call DuckDB's own bulk loader runs for a seed. */
final class CsvReadSql {
    private CsvReadSql() {
    }

    static String select(CsvLoadOptions options, SqlDialect dialect) {
        StringBuilder sql = new StringBuilder("select * from read_csv(")
                .append(dialect.literal(options.file().toAbsolutePath().toString()))
                .append(", header = true, delim = ").append(dialect.literal(String.valueOf(options.delimiter())))
                .append(", quote = '\"', escape = '\"', strict_mode = true, null_padding = false")
                .append(", sample_size = -1");
        Map<String, String> types = options.columnTypes();
        if (!types.isEmpty()) {
            sql.append(", types = {")
                    .append(types.entrySet().stream()
                            .map(e -> dialect.literal(e.getKey()) + ": " + dialect.literal(e.getValue()))
                            .collect(Collectors.joining(", ")))
                    .append('}');
        }
        return sql.append(')').toString();
    }
}
