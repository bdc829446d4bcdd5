package dev.sluice.duckdb;

import dev.sluice.spi.Relation;
import dev.sluice.spi.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a unit of DDL in one transaction on one pooled connection: everything commits together or nothing does. The
 * target's schema is created first, in its own transaction, so that workers building into the same new schema do not
 * collide on it; a write-write conflict between transactions is retried a few times, never blamed on the user.
 */
final class Transactions {
    private static final int ATTEMPTS = 5;

    private final ConnectionPool pool;
    private final SqlDialect dialect;

    Transactions(ConnectionPool pool, SqlDialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    interface Work<T> {
        T run(Statement statement) throws SQLException;
    }

    <T> T inTransaction(Relation target, Work<T> work) {
        if (target.schema() != null && !target.schema().isEmpty()) {
            createSchema(target.database(), target.schema());
        }
        return retrying(work);
    }

    /** Runs statements that need no schema of their own in one retried transaction. */
    <T> T inTransaction(Work<T> work) {
        return retrying(work);
    }

    void createSchema(String database, String schema) {
        String name = (database == null || database.isEmpty() ? "" : dialect.quote(database) + ".")
                + dialect.quote(schema);
        retrying(statement -> statement.execute("create schema if not exists " + name));
    }

    private <T> T retrying(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return pool.with(connection -> once(pool, connection, work));
            } catch (ConflictException conflict) {
                if (attempt >= ATTEMPTS) {
                    throw DuckDbErrors.wrap(conflict.cause);
                }
                pause(attempt);
            }
        }
    }

    private static <T> T once(ConnectionPool pool, Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = pool.statement(connection)) {
            T result = work.run(statement);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(connection);
            if (DuckDbErrors.isConflict(e)) {
                throw new ConflictException(e);
            }
            throw e;
        } catch (RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the user needs to see
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(5L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Carries a conflict out of the pool without turning it into a user-facing error first. */
    private static final class ConflictException extends RuntimeException {
        private final SQLException cause;

        ConflictException(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
