package dev.sluice.duckdb;

import dev.sluice.spi.SqlDialect;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code read_csv(...)} call DuckDB's own bulk loader runs for a seed. The dialect is fixed (header row, the given
 * delimiter, {@code "} quoting with {@code ""} escaping) so DuckDB never guesses it; types are inferred from every row
 * ({@code sample_size = -1}), as dbt infers from the whole file; empty cells, quoted or not, are NULL; dates are only
 * ISO {@code YYYY-MM-DD} so {@code 01/02/2024} is never guessed as a month or a day first. {@code skip = 0} and no
 * comment character stop DuckDB from taking leading rows for a preamble or rows starting with {@code #} for comments,
 * both of which it would otherwise drop silently.
 */
record CsvReadSql(Path file, char delimiter, Map<String, String> types, boolean strict, boolean allVarchar) {

    CsvReadSql withTypes(Map<String, String> newTypes) {
        return new CsvReadSql(file, delimiter, newTypes, strict, allVarchar);
    }

    CsvReadSql lenient() {
        return new CsvReadSql(file, delimiter, types, false, allVarchar);
    }

    CsvReadSql asText() {
        return new CsvReadSql(file, delimiter, Map.of(), strict, true);
    }

    String call(SqlDialect dialect) {
        StringBuilder sql = new StringBuilder("read_csv(")
                .append(dialect.literal(file.toAbsolutePath().toString()))
                .append(", header = true, delim = ").append(dialect.literal(String.valueOf(delimiter)))
                .append(", quote = '\"', escape = '\"', strict_mode = ").append(strict)
                .append(", skip = 0, comment = '', null_padding = false, allow_quoted_nulls = true, sample_size = -1")
                .append(", dateformat = '%Y-%m-%d'");
        if (allVarchar) {
            sql.append(", all_varchar = true");
        } else if (!types.isEmpty()) {
            sql.append(", types = {")
                    .append(types.entrySet().stream()
                            .map(e -> dialect.literal(e.getKey()) + ": " + dialect.literal(e.getValue()))
                            .collect(Collectors.joining(", ")))
                    .append('}');
        }
        return sql.append(')').toString();
    }

    String select(SqlDialect dialect) {
        return "select * from " + call(dialect);
    }
}
