package dev.sluice.duckdb;

import dev.sluice.spi.AdapterException;
import dev.sluice.spi.CsvLoadOptions;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import dev.sluice.spi.SqlDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads a seed with DuckDB's {@code read_csv} in one transaction: the table is replaced only when the whole file
 * loaded. Types are DuckDB's inference over every row, except that {@code column_types} win and that a column DuckDB
 * reads as BOOLEAN stays text unless every value is {@code true} or {@code false} (dbt's rule; DuckDB would also take
 * {@code t}/{@code f}/{@code yes}/{@code no}). When DuckDB refuses the file, the file is scanned for a ragged row so
 * the error names its line.
 */
final class SeedLoader {
    private final SqlDialect dialect;
    private final Transactions transactions;
    private final RelationSwap swap;

    private RelationType existing;

    SeedLoader(SqlDialect dialect, Transactions transactions, RelationSwap swap) {
        this.dialect = dialect;
        this.transactions = transactions;
        this.swap = swap;
    }

    /** {@code existing}: the kind of relation the catalog holds under the target's name, or null. */
    long load(Relation target, CsvLoadOptions options, RelationType existing) {
        this.existing = existing;
        Path file = options.file();
        requireHeader(file);
        CsvReadSql read = new CsvReadSql(file, options.delimiter(), overrides(options), true, false);
        try {
            return loadWith(target, read);
        } catch (AdapterException refused) {
            if (!refused.userError()) {
                throw refused;
            }
            Optional<String> shape = shapeProblem(file, options.delimiter());
            if (shape.isPresent()) {
                throw new AdapterException("seed file " + file.getFileName() + " " + shape.get(), refused, true);
            }
            if (refused.getMessage().contains("sniffing")) {
                // well-formed but outside DuckDB's strict reading (mixed CRLF and LF line ends): read leniently
                try {
                    return loadWith(target, read.lenient());
                } catch (AdapterException again) {
                    if (!again.userError()) {
                        throw again;
                    }
                    refused = again;
                }
            }
            throw new AdapterException("seed file " + file.getFileName() + ": " + withoutSqlPointer(refused.getMessage()),
                    refused, true);
        }
    }

    private long loadWith(Relation target, CsvReadSql read) {
        return transactions.inTransaction(statement -> {
            String name = dialect.render(target);
            swap.clearFor(statement, target, RelationType.TABLE, existing);
            // DuckDB answers CREATE TABLE AS with the number of rows it inserted
            long rows = statement.executeLargeUpdate("create or replace table " + name + " as " + read.select(dialect));
            List<String> textBooleans = nonDbtBooleans(statement, name, read);
            if (!textBooleans.isEmpty()) {
                Map<String, String> types = new LinkedHashMap<>(read.types());
                textBooleans.forEach(column -> types.put(column, "VARCHAR"));
                rows = statement.executeLargeUpdate("create or replace table " + name + " as "
                        + read.withTypes(types).select(dialect));
            }
            return rows;
        });
    }

    /** BOOLEAN columns the user did not type whose text holds something other than true/false. */
    private List<String> nonDbtBooleans(Statement statement, String table, CsvReadSql read) throws SQLException {
        Set<String> fixed = read.types().keySet().stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> booleans = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("select * from " + table + " limit 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnLabel(i);
                if (meta.getColumnTypeName(i).equals("BOOLEAN") && !fixed.contains(column.toLowerCase(Locale.ROOT))) {
                    booleans.add(column);
                }
            }
        }
        if (booleans.isEmpty()) {
            return booleans;
        }
        String checks = booleans.stream()
                .map(c -> "count(*) filter (where lower(trim(" + dialect.quote(c) + ")) not in ('true', 'false'))")
                .collect(Collectors.joining(", "));
        List<String> text = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("select " + checks + " from " + read.asText().call(dialect))) {
            rs.next();
            for (int i = 0; i < booleans.size(); i++) {
                if (rs.getLong(i + 1) > 0) {
                    text.add(booleans.get(i));
                }
            }
        }
        return text;
    }

    /** column_types entries for columns the header has (dbt ignores the others), spelled as the header spells them. */
    private static Map<String, String> overrides(CsvLoadOptions options) {
        Map<String, String> types = new LinkedHashMap<>();
        if (options.columnTypes() == null) {
            return types;
        }
        List<String> header = options.header() == null ? List.of() : options.header();
        options.columnTypes().forEach((column, type) -> {
            if (header.isEmpty()) {
                types.put(column, type);
            } else {
                header.stream().filter(h -> h.equalsIgnoreCase(column)).findFirst().ifPresent(h -> types.put(h, type));
            }
        });
        return types;
    }

    private static void requireHeader(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new AdapterException("seed file " + file + " does not exist", true);
            }
            byte[] start = readStart(file);
            String text = new String(start, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
            if (text.isEmpty()) {
                throw new AdapterException("seed file " + file.getFileName() + " is empty: it needs a header row", true);
            }
        } catch (IOException e) {
            throw new AdapterException("cannot read seed file " + file + ": " + e.getMessage(), e, true);
        }
    }

    private static byte[] readStart(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(4096);
        }
    }

    private static Optional<String> shapeProblem(Path file, char delimiter) {
        try {
            return CsvShape.problem(file, delimiter);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The {@code LINE 1: select * from read_csv(...)} pointer is about SQL the user never wrote. */
    private static String withoutSqlPointer(String message) {
        int pointer = message.indexOf("\nLINE ");
        return pointer < 0 ? message : message.substring(0, pointer).strip();
    }
}
