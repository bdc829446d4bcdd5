package dev.sluice.spi;

import java.nio.file.Path;
import java.util.List;

/**
 * Moves rows between the warehouse and local files, for Python models that run in a local process (see
 * {@link PythonModelRunner}). The files use Sluice's exchange layout, which the Python runner reads and writes:
 * <ul>
 *   <li>CSV without a header, comma-separated, {@code "} quotes doubled inside quoted fields, LF line ends; an empty
 *       unquoted field is NULL;</li>
 *   <li>one {@link ExchangeColumn} per field, in order, whose {@code kind} says how its text reads: {@code int8},
 *       {@code int16}, {@code int32}, {@code int64}, {@code uint8} .. {@code uint64}, {@code int128}, {@code uint128}
 *       (decimal digits), {@code float32}, {@code float64} (shortest round-trip text, {@code inf}, {@code nan}),
 *       {@code decimal(p,s)}, {@code bool} ({@code true}/{@code false}), {@code date} ({@code YYYY-MM-DD}),
 *       {@code time} ({@code HH:MM:SS[.ffffff]}), {@code timestamp} and {@code timestamptz} (microseconds since
 *       1970-01-01 UTC as an integer), {@code interval} (microseconds as an integer), {@code string} (every non-NULL
 *       value prefixed with one {@code ~}, so an empty string and NULL stay apart).</li>
 * </ul>
 * A warehouse that reads local files in SQL (DuckDB) implements {@link #readSql}; one that cannot (PostgreSQL: the
 * server does not see the client's files) overrides {@link #stage} to load the file into a relation instead.
 */
public interface LocalExchange {

    /** Writes the rows of {@code selectSql} to {@code csvFile} in the exchange layout; returns its columns. */
    List<ExchangeColumn> export(String selectSql, Path csvFile);

    /**
     * A select statement over a file written in the exchange layout with these columns, typed as they say. The default
     * refuses: a warehouse that cannot read local files in SQL overrides {@link #stage} instead.
     */
    default String readSql(Path csvFile, List<ExchangeColumn> columns) {
        throw new AdapterException("this warehouse cannot read a local file in SQL", false);
    }

    /**
     * Makes the rows of a file written in the exchange layout readable in SQL, typed as {@code columns} say, until the
     * returned handle is closed. {@code near} is the relation the rows are for (a Python model's own relation): a
     * warehouse that loads the file puts it in a relation beside that one, whole or not at all, and drops it on
     * {@link Staged#close()}. The default reads the file in place with {@link #readSql} and holds nothing.
     */
    default Staged stage(Path csvFile, List<ExchangeColumn> columns, Relation near) {
        String select = readSql(csvFile, columns);
        return new Staged() {
            @Override
            public String selectSql() {
                return select;
            }

            @Override
            public void close() {
            }
        };
    }

    /** Rows of an exchange file made readable by {@link #stage}; {@link #close()} frees whatever holds them. */
    interface Staged extends AutoCloseable {
        /** A select statement over the rows, valid until {@link #close()}. */
        String selectSql();

        /** Frees what holds the rows (a loaded relation is dropped); never throws. */
        @Override
        void close();
    }
}
