package dev.sluice.duckdb.materialize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots on DuckDB with dbt's expected row counts: 10 -> 20 -> 30 as rows are added and then updated. */
class SnapshotTest {
    @TempDir
    Path dir;

    /** Rows 1..n; rows up to {@code updatedUpTo} carry a changed name and a later updated_at. */
    private static String seed(int n, int updatedUpTo) {
        return "id,name,updated_at\n" + IntStream.rangeClosed(1, n).mapToObj(i -> i + ","
                + (i <= updatedUpTo ? "renamed" : "name") + i + "," + (i <= updatedUpTo ? "2024-02-01 00:00:00"
                : "2024-01-01 00:00:00")).collect(Collectors.joining("\n")) + "\n";
    }

    private TestProject project(String snapshotConfig) {
        return TestProject.at(dir)
                .write("dbt_project.yml", "name: snap\nprofile: snap\n")
                .duckdbProfile("snap", "main", 1)
                .write("snapshots/people.sql", "{% snapshot people_snapshot %}\n{{ config(target_schema='snapshots', "
                        + snapshotConfig + ") }}\nselect * from {{ ref('people') }}\n{% endsnapshot %}\n");
    }

    private long count(TestProject project, String where) {
        Object value = project.sluice().show(project.options().build(),
                "select count(*) from snapshots.people_snapshot" + where, -1).preview().rows().get(0).get(0);
        return ((Number) value).longValue();
    }

    private void build(TestProject project) {
        RunResults results = project.sluice().build(project.options().build());
        assertThat(results.results()).allSatisfy(r -> assertThat(r.status()).as(r.message())
                .isIn(NodeStatus.SUCCESS, NodeStatus.PASS));
    }

    @Test
    void timestampStrategyKeepsHistory() {
        TestProject project = project("unique_key='id', strategy='timestamp', updated_at='updated_at'")
                .write("seeds/people.csv", seed(10, 0));
        build(project);
        assertThat(count(project, "")).isEqualTo(10);
        project.write("seeds/people.csv", seed(20, 0));
        build(project);
        assertThat(count(project, "")).isEqualTo(20);
        project.write("seeds/people.csv", seed(20, 10));
        build(project);
        assertThat(count(project, "")).isEqualTo(30);
        assertThat(count(project, " where dbt_valid_to is null")).isEqualTo(20);
        assertThat(count(project, " where name like 'renamed%' and dbt_valid_to is null")).isEqualTo(10);
        assertThat(count(project, " where dbt_valid_to = timestamp '2024-02-01 00:00:00'")).isEqualTo(10);
    }

    @Test
    void checkColsAndCheckAllDetectChanges() {
        TestProject project = project("unique_key='id', strategy='check', check_cols=['name']")
                .write("seeds/people.csv", seed(10, 0));
        build(project);
        project.write("seeds/people.csv", seed(20, 0));
        build(project);
        project.write("seeds/people.csv", seed(20, 10));
        build(project);
        assertThat(count(project, "")).isEqualTo(30);

        project.write("snapshots/people.sql", "{% snapshot people_snapshot %}\n{{ config(target_schema='snapshots', "
                + "unique_key='id', strategy='check', check_cols='all') }}\n"
                + "select id, name, updated_at, id % 2 = 0 as even from {{ ref('people') }}\n{% endsnapshot %}\n");
        project.write("seeds/people.csv", seed(20, 20));
        build(project);
        assertThat(count(project, "")).isEqualTo(50);
        assertThat(count(project, " where dbt_valid_to is null")).isEqualTo(20);
    }

    @Test
    void hardDeletesAreInvalidatedWhenAsked() {
        TestProject project = project("unique_key='id', strategy='timestamp', updated_at='updated_at', "
                + "hard_deletes='invalidate'").write("seeds/people.csv", seed(10, 0));
        build(project);
        project.write("seeds/people.csv", seed(7, 0));
        build(project);
        assertThat(count(project, "")).isEqualTo(10);
        assertThat(count(project, " where dbt_valid_to is null")).isEqualTo(7);
    }

    @Test
    void aSnapshotWithoutStrategyFailsWithItsName() {
        TestProject project = project("unique_key='id'").write("seeds/people.csv", seed(3, 0));
        RunResults results = project.sluice().build(project.options().build());
        assertThat(results.results().stream().filter(r -> r.uniqueId().equals("snapshot.snap.people_snapshot"))
                .findFirst().orElseThrow().message()).contains("people_snapshot").contains("strategy");
        assertThat(List.of(results.failed())).containsExactly(true);
    }
}
