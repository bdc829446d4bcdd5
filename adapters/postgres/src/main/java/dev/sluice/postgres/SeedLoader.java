package dev.sluice.postgres;

import dev.sluice.spi.AdapterException;
import dev.sluice.spi.Column;
import dev.sluice.spi.CsvLoadOptions;
import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads a seed with PostgreSQL's {@code COPY ... FROM STDIN} through the driver's CopyManager, streaming the file.
 * One pass in Java first checks the file's shape (every row as wide as the header, quotes closed; errors name the
 * line) and infers the column types ({@link CsvTypes}); {@code column_types} win. Then, in one transaction: when the
 * table exists with the same columns and types it is truncated and refilled (so views reading the seed survive, as
 * with dbt), otherwise a new table is built beside it and swapped in ({@link RelationSwap}). Empty cells, quoted or
 * not, are NULL ({@code FORCE_NULL}). A file COPY can read as it is (one kind of line ending, no blank lines) is sent
 * byte for byte; any other is re-written record by record on the way.
 */
final class SeedLoader {
    private static final int CHUNK = 1 << 16;

    private final PostgresDialect dialect;
    private final ConnectionPool pool;
    private final RelationSwap swap;

    SeedLoader(PostgresDialect dialect, ConnectionPool pool, RelationSwap swap) {
        this.dialect = dialect;
        this.pool = pool;
        this.swap = swap;
    }

    /** What the Java pass learned about the file. */
    record Shape(List<String> header, List<String> types, long rows, boolean copyReadsAsIs) {
    }

    long load(Relation target, CsvLoadOptions options) {
        Path file = options.file();
        Shape shape = shape(file, options.delimiter());
        List<String> types = new ArrayList<>(shape.types());
        Map<String, String> fixed = options.columnTypes() == null ? Map.of() : options.columnTypes();
        fixed.forEach((column, type) -> {
            for (int i = 0; i < shape.header().size(); i++) {
                if (shape.header().get(i).equalsIgnoreCase(column)) {
                    types.set(i, type);
                }
            }
        });
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < shape.header().size(); i++) {
            columns.add(new Column(shape.header().get(i), types.get(i)));
        }
        try {
            return pool.inTransaction(connection -> {
                Relation tmp = swap.prepareTmp(connection, target);
                try (Statement statement = connection.createStatement()) {
                    statement.execute(createTable(tmp, columns));
                    if ("r".equals(RelationSwap.relkind(connection, target))
                            && RelationSwap.columnTypes(connection, target).equals(RelationSwap.columnTypes(connection, tmp))) {
                        // same shape: refill in place, so views that read the seed keep working (dbt truncates too)
                        statement.execute("drop table " + dialect.render(tmp));
                        statement.execute("truncate table " + dialect.render(target));
                        return copy(connection, target, columns, file, options.delimiter(), shape);
                    }
                }
                long loaded = copy(connection, tmp, columns, file, options.delimiter(), shape);
                swap.swapIn(connection, target, tmp, RelationType.TABLE);
                return loaded;
            });
        } catch (AdapterException e) {
            if (e.userError()) {
                throw new AdapterException("seed file " + file.getFileName() + ": " + e.getMessage(), e, true);
            }
            throw e;
        }
    }

    static Shape shape(Path file, char delimiter) {
        if (!Files.isRegularFile(file)) {
            throw new AdapterException("seed file " + file + " does not exist", true);
        }
        CsvScanner scanner = new CsvScanner();
        CsvTypes inference = new CsvTypes();
        List<String> header = new ArrayList<>();
        long[] rows = new long[1];
        try {
            scanner.scan(file, delimiter, new CsvScanner.Visitor() {
                @Override
                public void field(int index, char[] buffer, int length, boolean quoted) {
                    if (rows[0] == 0 && header.size() == index && !headerDone) {
                        header.add(new String(buffer, 0, length).strip());
                    } else {
                        inference.accept(index, buffer, length);
                    }
                }

                private boolean headerDone;

                @Override
                public void record(int fields, long line) throws CsvScanner.CsvException {
                    if (!headerDone) {
                        headerDone = true;
                        return;
                    }
                    if (fields != header.size()) {
                        throw new CsvScanner.CsvException("line " + line + ": expected " + header.size()
                                + " fields, found " + fields);
                    }
                    rows[0]++;
                }
            });
        } catch (CsvScanner.CsvException e) {
            throw new AdapterException("seed file " + file.getFileName() + " " + e.getMessage(), true);
        } catch (IOException e) {
            throw new AdapterException("cannot read seed file " + file + ": " + e.getMessage(), e, true);
        }
        if (header.isEmpty()) {
            throw new AdapterException("seed file " + file.getFileName() + " is empty: it needs a header row", true);
        }
        int endings = scanner.lineEndings();
        boolean oneKind = Integer.bitCount(endings) <= 1;
        return new Shape(List.copyOf(header), inference.types(header.size()), rows[0], oneKind && !scanner.blankLines());
    }

    private String createTable(Relation table, List<Column> columns) {
        List<String> defs = new ArrayList<>();
        for (Column column : columns) {
            defs.add(dialect.quote(column.name()) + " " + column.dataType());
        }
        return "create table " + dialect.render(table) + " (" + String.join(", ", defs) + ")";
    }

    private long copy(Connection connection, Relation table, List<Column> columns, Path file, char delimiter,
                      Shape shape) throws SQLException, IOException {
        if (columns.isEmpty()) {
            return 0;
        }
        String names = dialect.columnList(columns.stream().map(Column::name).toList());
        String sql = "copy " + dialect.render(table) + " (" + names + ") from stdin with (format csv, header true,"
                + " delimiter " + literal(delimiter) + ", quote '\"', escape '\"', null '', force_null (" + names
                + "), encoding 'UTF8')";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            if (shape.copyReadsAsIs()) {
                byte[] buffer = new byte[CHUNK];
                try (InputStream in = Files.newInputStream(file)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        copy.writeToCopy(buffer, 0, n);
                    }
                }
            } else {
                CsvRewriter.rewrite(file, delimiter, copy);
            }
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static String literal(char delimiter) {
        if (delimiter == '\t') {
            return "E'\\t'";
        }
        if (delimiter == '\'') {
            return "''''";
        }
        return "'" + delimiter + "'";
    }
}
