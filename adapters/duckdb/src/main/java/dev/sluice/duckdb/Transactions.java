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
 * A unit of one statement runs as that statement alone in auto-commit mode, which DuckDB makes its own transaction:
 * as atomic as an explicit one, without the {@code BEGIN} and {@code COMMIT} round trips (and an explicit transaction
 * around a {@code CREATE TABLE AS} costs DuckDB about twice the work of the statement alone).
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

    /** One statement, atomic by itself (auto-commit), retried on a write-write conflict. */
    void single(String sql) {
        retryingOn(connection -> {
            try (Statement statement = pool.statement(connection)) {
                statement.execute(sql);
                return null;
            } catch (SQLException e) {
                if (DuckDbErrors.isConflict(e)) {
                    throw new ConflictException(e);
                }
                throw e;
            }
        });
    }

    void createSchema(String database, String schema) {
        String name = (database == null || database.isEmpty() ? "" : dialect.quote(database) + ".")
                + dialect.quote(schema);
        single("create schema if not exists " + name);
    }

    private <T> T retrying(Work<T> work) {
        return retryingOn(connection -> once(pool, connection, work));
    }

    private <T> T retryingOn(ConnectionPool.Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return pool.with(work);
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
