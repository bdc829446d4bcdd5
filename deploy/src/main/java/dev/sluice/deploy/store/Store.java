package dev.sluice.deploy.store;

import dev.sluice.deploy.DeployException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The deploy metadata store: a JDBC database whose schema Flyway manages (db/migration). Embedded by default (an H2
 * file in PostgreSQL mode under the data folder, shared between processes through H2's auto-server), or PostgreSQL by
 * URL when several Sluice processes share the work. Every query the deploy module runs is written to run on both.
 */
public final class Store implements AutoCloseable {
    private final DataSource dataSource;
    private final String url;
    private final Connection keepAlive;

    private Store(DataSource dataSource, String url, boolean keepAlive) {
        this.dataSource = dataSource;
        this.url = url;
        try {
            this.keepAlive = keepAlive ? dataSource.getConnection() : null;
        } catch (SQLException e) {
            throw new DeployException("cannot open the deploy store " + url + ": " + e.getMessage(), e);
        }
    }

    /** The embedded store of a data folder: {@code <dataDir>/sluice.mv.db}. Migrated on open. */
    public static Store embedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new DeployException("cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("sluice")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
        return open(url, "sa", "", true);
    }

    /** A private in-memory store (tests): lives until closed. */
    public static Store inMemory(String name) {
        String url = "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        return open(url, "sa", "", true);
    }

    /** A store by JDBC URL (PostgreSQL when several processes share it; the driver must be on the class path). */
    public static Store open(String url, String user, String password) {
        return open(url, user, password, url.startsWith("jdbc:h2:"));
    }

    private static Store open(String url, String user, String password, boolean keepAlive) {
        Store store = new Store(new UrlDataSource(url, user, password), url, keepAlive);
        store.migrate();
        return store;
    }

    private void migrate() {
        try {
            Flyway.configure().loggers("slf4j").dataSource(dataSource).locations("classpath:db/migration")
                    .table("deploy_schema_history").load().migrate();
        } catch (RuntimeException e) {
            close();
            throw new DeployException("cannot migrate the deploy store " + url + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        return url;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T tx(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DeployException("deploy store: " + e.getMessage(), e);
        }
    }

    /** One unit of work on a connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public void close() {
        if (keepAlive != null) {
            try {
                keepAlive.close();
            } catch (SQLException ignored) {
                // closing: nothing left to protect
            }
        }
    }

    /** Connections straight from the driver (the server may put a pool in front later). */
    private record UrlDataSource(String url, String user, String password) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(url, u, p);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
