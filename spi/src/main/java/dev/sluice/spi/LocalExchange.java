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
 */
public interface LocalExchange {

    /** Writes the rows of {@code selectSql} to {@code csvFile} in the exchange layout; returns its columns. */
    List<ExchangeColumn> export(String selectSql, Path csvFile);

    /** A select statement over a file written in the exchange layout with these columns, typed as they say. */
    String readSql(Path csvFile, List<ExchangeColumn> columns);
}
