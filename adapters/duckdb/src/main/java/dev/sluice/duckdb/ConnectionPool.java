package dev.sluice.duckdb;

import dev.sluice.spi.AdapterException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
            idle.add(connection);
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
