package dev.sluice.postgres;

import dev.sluice.spi.AdapterException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * At most {@code size} connections ({@code threads}) to one PostgreSQL database, opened when first needed. A unit of
 * work runs on one connection; when it fails with a transient error (the connection broke, the server restarts, a
 * serialization failure) the connection is thrown away and the whole unit runs again on a fresh one, up to
 * {@code retries} more times with exponential backoff, each retry reported as a notice. A wrong password or a missing
 * database fails at once. Work never nests, so a pool of one cannot deadlock.
 */
final class ConnectionPool implements AutoCloseable {
    interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    private final PostgresTarget target;
    private final int size;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> open = new ArrayList<>();
    private final Consumer<String> notices;
    private final long firstBackoffMillis;
    private final org.postgresql.Driver driver = new org.postgresql.Driver();
    private volatile boolean closed;

    ConnectionPool(PostgresTarget target, int size, Consumer<String> notices, long firstBackoffMillis) {
        this.target = target;
        this.size = Math.max(1, size);
        this.permits = new Semaphore(this.size, true);
        this.notices = notices;
        this.firstBackoffMillis = firstBackoffMillis;
    }

    int size() {
        return size;
    }

    /** Runs {@code work} with autocommit on, retrying it whole on transient failures. */
    <T> T with(Work<T> work) {
        return retrying(work, false);
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws; retried whole. */
    <T> T inTransaction(Work<T> work) {
        return retrying(work, true);
    }

    private <T> T retrying(Work<T> work, boolean transaction) {
        acquire();
        try {
            for (int attempt = 0; ; attempt++) {
                Connection connection = null;
                try {
                    connection = take();
                    T result = transaction ? once(connection, work) : work.run(connection);
                    giveBack(connection);
                    return result;
                } catch (SQLException e) {
                    boolean transientFailure = PostgresErrors.isTransient(e);
                    if (connection != null) {
                        if (transientFailure || isBroken(connection)) {
                            discard(connection);
                        } else {
                            giveBack(connection);
                        }
                    }
                    if (!transientFailure || attempt >= target.retries() || closed) {
                        if (transientFailure && attempt > 0) {
                            throw PostgresErrors.wrap("gave up after " + (attempt + 1) + " attempts", e);
                        }
                        throw connection == null ? connectFailure(e) : PostgresErrors.wrap(e);
                    }
                    long pause = firstBackoffMillis << Math.min(attempt, 10);
                    notices.accept("postgres: " + PostgresErrors.clean(e).lines().findFirst().orElse("") + " (SQLSTATE "
                            + PostgresErrors.state(e) + "); retry " + (attempt + 1) + " of " + target.retries() + " in "
                            + pause + " ms");
                    sleep(pause);
                } catch (IOException e) {
                    if (connection != null) {
                        giveBack(connection);
                    }
                    throw new AdapterException(e.getMessage(), e, true);
                } catch (RuntimeException e) {
                    if (connection != null) {
                        giveBack(connection);
                    }
                    throw e;
                }
            }
        } finally {
            permits.release();
        }
    }

    private static <T> T once(Connection connection, Work<T> work) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is broken; the original failure says why
            }
            throw e;
        }
    }

    /** Opens one connection now, so that a wrong password or host is reported when the adapter is created. */
    <T> T probe(Work<T> work) {
        return with(work);
    }

    private AdapterException connectFailure(SQLException e) {
        String text = PostgresErrors.clean(e);
        return new AdapterException("cannot connect to " + target.describe() + ": " + text, e,
                PostgresErrors.isConfiguration(e) || !PostgresErrors.isTransient(e));
    }

    private Connection take() throws SQLException {
        synchronized (this) {
            if (closed) {
                throw new AdapterException("the PostgreSQL adapter is closed", false);
            }
            Connection connection = idle.pollFirst();
            if (connection != null) {
                return connection;
            }
        }
        Connection connection = driver.connect(target.url(), target.properties());
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + target.url(), "08001");
        }
        try (Statement statement = connection.createStatement()) {
            if (target.role() != null) {
                statement.execute("set role " + quote(target.role()));
            }
            if (target.searchPath() != null) {
                statement.execute("set search_path to " + target.searchPath());
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        synchronized (this) {
            open.add(connection);
        }
        return connection;
    }

    private synchronized void giveBack(Connection connection) {
        if (closed) {
            closeQuietly(connection);
        } else {
            idle.addFirst(connection);
        }
    }

    private synchronized void discard(Connection connection) {
        open.remove(connection);
        closeQuietly(connection);
    }

    private static boolean isBroken(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private void acquire() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException("interrupted while waiting for a PostgreSQL connection", e, false);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException("interrupted while waiting to retry", e, false);
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing left to protect
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Connection connection : open) {
            closeQuietly(connection);
        }
        open.clear();
        idle.clear();
    }
}
