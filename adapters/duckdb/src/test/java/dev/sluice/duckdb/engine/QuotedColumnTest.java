package dev.sluice.duckdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A column that needs quoting ({@code 25%}) gets its tests when the YAML says {@code quote: true}, as in dbt. */
class QuotedColumnTest {
    @TempDir
    Path dir;

    @Test
    void testsOnAQuotedColumnReceiveTheQuotedName() {
        TestProject p = TestProject.at(dir).write("dbt_project.yml", "name: q\nprofile: q\n").duckdbProfile("q", "main", 1)
                .write("models/stats.sql", "select 1 as id, 0.25 as \"25%\"\n")
                .write("models/schema.yml", """
                        version: 2
                        models:
                          - name: stats
                            columns:
                              - name: "25%"
                                quote: true
                                data_tests: [not_null, unique]
                        """);
        RunResults results = p.sluice().build(p.options().build());
        assertThat(results.results()).hasSize(3);
        assertThat(results.results()).allSatisfy(r -> assertThat(r.status()).as(r.uniqueId() + ": " + r.message())
                .isIn(NodeStatus.SUCCESS, NodeStatus.PASS));
    }
}
