package dev.sluice.postgres;

import dev.sluice.spi.AdapterException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Sorts PostgreSQL failures by SQLSTATE: transient ones (the connection broke, the server is shutting down or starting,
 * a serialization failure or deadlock) are worth retrying; a wrong password or a missing database never is; everything
 * else is the statement's fault and reported as a user error with PostgreSQL's own text.
 */
final class PostgresErrors {
    /** Server going away or not yet there, serialization failures, deadlocks, too many connections. */
    private static final Set<String> TRANSIENT = Set.of("57P01", "57P02", "57P03", "40001", "40P01", "53300");
    /** The credentials or the database named in the profile are wrong: retrying cannot help. */
    private static final Set<String> CONFIGURATION = Set.of("28P01", "28000", "3D000");

    private PostgresErrors() {
    }

    static boolean isTransient(SQLException e) {
        String state = state(e);
        if (state == null) {
            return e.getCause() instanceof java.io.IOException;
        }
        return state.startsWith("08") || TRANSIENT.contains(state);
    }

    static boolean isConfiguration(SQLException e) {
        return CONFIGURATION.contains(state(e));
    }

    static String state(SQLException e) {
        for (SQLException at = e; at != null; at = at.getNextException()) {
            if (at.getSQLState() != null) {
                return at.getSQLState();
            }
        }
        return null;
    }

    static AdapterException wrap(SQLException e) {
        return new AdapterException(clean(e), e, !isTransient(e) && !internal(e));
    }

    static AdapterException wrap(String context, SQLException e) {
        return new AdapterException(context + ": " + clean(e), e, !isTransient(e) && !internal(e));
    }

    private static boolean internal(SQLException e) {
        String state = state(e);
        return state != null && (state.startsWith("XX") || state.startsWith("53") || state.startsWith("58"));
    }

    /** PostgreSQL's message, without the driver's "ERROR: " prefix; the Position/Where/Hint lines are kept. */
    static String clean(SQLException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "PostgreSQL failed without a message (SQLSTATE " + state(e) + ")";
        }
        String text = message.strip();
        for (String prefix : new String[] {"ERROR: ", "FATAL: "}) {
            if (text.startsWith(prefix)) {
                text = text.substring(prefix.length());
            }
        }
        return text;
    }
}
