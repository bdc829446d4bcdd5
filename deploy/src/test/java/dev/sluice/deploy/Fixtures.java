package dev.sluice.deploy;

import dev.sluice.deploy.demo.ExampleProject;
import dev.sluice.deploy.git.GitRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** Test fixtures: git repositories holding projects, and a look into the DuckDB warehouse. */
final class Fixtures {
    static final String GITIGNORE = "target/\nlogs/\ndbt_packages/\n*.duckdb\n*.duckdb.wal\n.sluice/\n";

    private Fixtures() {
    }

    /** A git repository on main holding the formula1 project at its root, committed once. */
    static Path formula1Repo(Path dir) throws IOException {
        ExampleProject.copyTo(dir);
        Files.writeString(dir.resolve(".gitignore"), GITIGNORE);
        try (GitRepo repo = GitRepo.init(dir, Map.of())) {
            repo.commitAll("Initial commit: the formula1 project");
        }
        return dir;
    }

    /** A git repository holding a tiny project on DuckDB: files relative to the root, then committed. */
    static Path tinyRepo(Path dir, Map<String, String> files) throws IOException {
        write(dir, "dbt_project.yml", "name: tiny\nversion: '1.0'\nconfig-version: 2\nprofile: tiny\n");
        write(dir, "profiles.yml", "tiny:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
                + "      path: tiny.duckdb\n      schema: main\n      threads: 1\n");
        write(dir, ".gitignore", GITIGNORE);
        files.forEach((path, text) -> write(dir, path, text));
        try (GitRepo repo = GitRepo.init(dir, Map.of())) {
            repo.commitAll("Initial commit");
        }
        return dir;
    }

    static void write(Path dir, String path, String text) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every table and view of a schema with its row count (empty when the schema does not exist). */
    static Map<String, Long> rowCounts(Path duckdb, String schema) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        java.util.Properties readOnly = new java.util.Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckdb, readOnly);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = '"
                    + schema + "' order by table_name")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), null);
                }
            }
            for (String table : counts.keySet()) {
                try (ResultSet rs = s.executeQuery("select count(*) from \"" + schema + "\".\"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
