package dev.sluice.duckdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run/build/test/seed open the warehouse while the project parses and close it while the artifacts are written; what
 * the user sees is as if both happened in line: parse errors first, a connection error where the warehouse is first
 * needed, and a database file that is closed when the command returns.
 */
class WarehouseOpeningTest {
    @TempDir
    Path dir;

    private TestProject project(String settings) {
        return TestProject.at(dir).write("dbt_project.yml", "name: w\nprofile: w\n")
                .write("profiles.yml", "w:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
                        + "      path: warehouse.duckdb\n      threads: 2\n" + settings)
                .write("models/a.sql", "select 1 as id")
                .write("models/b.sql", "select id + 1 as id from {{ ref('a') }}");
    }

    private static Properties readOnly() {
        Properties readOnly = new Properties();
        readOnly.setProperty("access_mode", "READ_ONLY");
        return readOnly;
    }

    @Test
    void theDatabaseFileIsClosedWhenTheCommandReturns() throws Exception {
        String url = "jdbc:duckdb:" + dir.resolve("warehouse.duckdb");
        // the check below: another configuration of a file this JVM holds open is refused
        try (Connection held = DriverManager.getConnection(url)) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, readOnly())).isInstanceOf(SQLException.class);
        }

        TestProject p = project("");
        RunResults results = p.sluice().build(p.options().build());
        assertThat(results.results()).extracting(r -> r.status()).containsOnly(NodeStatus.SUCCESS);

        try (Connection connection = DriverManager.getConnection(url, readOnly());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select id from main.b")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void aWarehouseThatCannotOpenIsReportedWhereItIsFirstNeeded() {
        TestProject p = project("      settings:\n        memory_limit: lots\n");
        assertThatThrownBy(() -> p.sluice().run(p.options().build()))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("Could not connect to target 'dev' (duckdb)")
                .hasMessageContaining("memory_limit");
        // commands that never need the warehouse never see the error
        assertThat(p.sluice().compile(p.options().build())).containsKey("model.w.b");
    }

    @Test
    void aParseErrorWinsOverAWarehouseThatCannotOpen() {
        TestProject p = project("      settings:\n        memory_limit: lots\n")
                .write("models/broken.yml", "version: 2\nmodels: [\n");
        assertThatThrownBy(() -> p.sluice().build(p.options().build()))
                .isInstanceOf(SluiceException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Could not connect"))
                .hasMessageContaining("invalid YAML");
    }

    @Test
    void aParseErrorLeavesNoDatabaseOpen() throws Exception {
        TestProject p = project("").write("models/broken.yml", "version: 2\nmodels: [\n");
        assertThatThrownBy(() -> p.sluice().run(p.options().build())).isInstanceOf(SluiceException.class)
                .hasMessageContaining("invalid YAML");
        p.write("models/broken.yml", "version: 2\n").write("models/c.sql", "select 3 as id");
        RunResults results = p.sluice().run(p.options().build());
        assertThat(results.results()).hasSize(3).extracting(r -> r.status()).containsOnly(NodeStatus.SUCCESS);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.duckdb"),
                readOnly())) {
            assertThat(connection.isClosed()).isFalse();
        }
    }
}
