package dev.sluice.duckdb;

import dev.sluice.spi.AdapterException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.duckdb.DuckDBConnection;

/**
 * A fixed pool of connections to one DuckDB database. Every connection is a {@code duplicate()} of the first, so they
 * all see the same database (a bare in-memory URL would give each its own). Work never nests: a caller holds one
 * connection at a time, so a pool of one cannot deadlock.
 */
final class ConnectionPool implements AutoCloseable {
    private final DuckDBConnection primary;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    /** Statements opened on each borrowed connection, so {@link #cancel()} can stop them from another thread. */
    private final Map<Connection, List<Statement>> open = new ConcurrentHashMap<>();
    private volatile boolean cancelled;

    ConnectionPool(DuckDBConnection primary, int size) throws SQLException {
        this.primary = primary;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Connection connection = primary.duplicate();
            all.add(connection);
            idle.add(connection);
        }
    }

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    int size() {
        return all.size();
    }

    <T> T with(Work<T> work) {
        if (cancelled) {
            throw new AdapterException("cancelled: this DuckDB session was stopped", false);
        }
        Connection connection;
        try {
            connection = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException("interrupted while waiting for a DuckDB connection", e, false);
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw DuckDbErrors.wrap(e);
        } finally {
            open.remove(connection);
            idle.add(connection);
        }
    }

    /** A statement on a borrowed connection that {@link #cancel()} can interrupt. */
    Statement statement(Connection connection) throws SQLException {
        return track(connection, connection.createStatement());
    }

    /** A prepared statement on a borrowed connection that {@link #cancel()} can interrupt. */
    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        return track(connection, connection.prepareStatement(sql));
    }

    private <S extends Statement> S track(Connection connection, S statement) {
        open.computeIfAbsent(connection, c -> new CopyOnWriteArrayList<>()).add(statement);
        if (cancelled) {
            cancelQuietly(statement);
        }
        return statement;
    }

    /** Interrupts every running statement; from now on {@link #with} refuses new work. */
    void cancel() {
        cancelled = true;
        open.values().forEach(statements -> statements.forEach(ConnectionPool::cancelQuietly));
    }

    private static void cancelQuietly(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException ignored) {
            // closed already: nothing runs on it
        }
    }

    @Override
    public void close() {
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing: nothing left to protect
            }
        }
        try {
            primary.close();
        } catch (SQLException ignored) {
            // closing the last connection checkpoints; a failure here has no user to report to
        }
    }
}
