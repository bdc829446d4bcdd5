package dev.sluice.duckdb;

import dev.sluice.spi.AdapterException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Turns DuckDB driver failures into short {@link AdapterException}s: drops the Java exception prefix and the CSV
 * reader's long "Possible fixes" advice, keeps DuckDB's own text ("Catalog Error: Table with name x does not exist!")
 * and the {@code LINE n:} pointer of syntax errors, and decides whether the user or Sluice is at fault.
 */
final class DuckDbErrors {
    /** DuckDB error classes that mean the warehouse itself, not the SQL, failed. */
    private static final List<String> INTERNAL = List.of("internal error", "fatal error", "out of memory error",
            "transactioncontext error", "transaction error", "interrupt error", "connection error");

    private static final List<String> ADVICE = List.of("\nPossible fixes:", "\nThe search space used was:",
            "\n  file = ");

    private DuckDbErrors() {
    }

    static AdapterException wrap(SQLException e) {
        String text = clean(e.getMessage());
        return new AdapterException(text, e, isUserError(text));
    }

    static AdapterException wrap(String context, SQLException e) {
        String text = clean(e.getMessage());
        return new AdapterException(context + ": " + text, e, isUserError(text));
    }

    static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "DuckDB failed without a message";
        }
        String text = message.strip();
        String prefix = "java.sql.SQLException: ";
        while (text.startsWith(prefix)) {
            text = text.substring(prefix.length()).strip();
        }
        for (String marker : ADVICE) {
            int at = text.indexOf(marker);
            if (at >= 0) {
                text = text.substring(0, at);
            }
        }
        return text.strip().replaceAll("\n{2,}", "\n");
    }

    /** True when DuckDB blames the statement (parser, binder, catalog, conversion, constraint, CSV input...). */
    static boolean isUserError(String cleanedMessage) {
        String lower = cleanedMessage.toLowerCase(Locale.ROOT);
        if (lower.contains("connection was closed") || lower.contains("connection is closed")
                || lower.startsWith("duckdb failed without a message")) {
            return false;
        }
        return INTERNAL.stream().noneMatch(lower::startsWith);
    }

    /** A write-write conflict between two transactions: worth retrying, never the user's fault. */
    static boolean isConflict(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("write-write conflict") || message.contains("transactioncontext error: conflict");
    }
}
