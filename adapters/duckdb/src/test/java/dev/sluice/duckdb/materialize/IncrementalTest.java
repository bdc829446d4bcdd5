package dev.sluice.duckdb.materialize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.spi.QueryResult;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental models on DuckDB: strategies, unique keys, schema changes, full refresh, bad strategy names. */
class IncrementalTest {
    @TempDir
    Path dir;

    private TestProject project(String modelSql) {
        return TestProject.at(dir)
                .write("dbt_project.yml", "name: inc\nprofile: inc\n")
                .duckdbProfile("inc", "main", 1)
                .write("models/events.sql", modelSql);
    }

    private static String seed(int from, int to, String value) {
        return "id,value\n" + IntStream.rangeClosed(from, to).mapToObj(i -> i + "," + value + i)
                .collect(Collectors.joining("\n")) + "\n";
    }

    private RunResults build(TestProject project) {
        return project.sluice().build(project.options().build());
    }

    private List<List<Object>> rows(TestProject project, String sql) {
        QueryResult result = project.sluice().show(project.options().build(), sql, -1).preview();
        return result.rows();
    }

    private static NodeResult result(RunResults results, String id) {
        return results.results().stream().filter(r -> r.uniqueId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void appendFollowsItsSourceFromTenToTwentyRows() {
        TestProject project = project("""
                {{ config(materialized='incremental') }}
                select * from {{ ref('base') }}
                {% if is_incremental() %} where id > (select max(id) from {{ this }}) {% endif %}
                """).write("seeds/base.csv", seed(1, 10, "a"));
        assertThat(build(project).failed()).isFalse();
        assertThat(rows(project, "select count(*) from main.events")).containsExactly(List.of(10L));
        project.write("seeds/base.csv", seed(1, 20, "a"));
        RunResults second = build(project);
        assertThat(result(second, "model.inc.events").status()).isEqualTo(NodeStatus.SUCCESS);
        assertThat(rows(project, "select count(*), count(distinct id) from main.events")).containsExactly(List.of(20L, 20L));
    }

    @Test
    void mergeUpdatesMatchedRowsAndInsertsNewOnes() {
        TestProject project = project("""
                {{ config(materialized='incremental', incremental_strategy='merge', unique_key='id') }}
                select * from {{ ref('base') }}
                """).write("seeds/base.csv", seed(1, 10, "a"));
        build(project);
        project.write("seeds/base.csv", seed(6, 15, "b"));
        assertThat(build(project).failed()).isFalse();
        assertThat(rows(project, "select count(*), count(*) filter (where value like 'b%') from main.events"))
                .containsExactly(List.of(15L, 10L));
    }

    @Test
    void deleteInsertWithACompositeKeyAndPredicates() {
        TestProject project = project("""
                {{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key=['id', 'value'],
                          incremental_predicates=["DBT_INTERNAL_DEST_ID > 0"] if false else []) }}
                select id, substr(value, 1, 1) as value from {{ ref('base') }}
                """).write("seeds/base.csv", seed(1, 10, "a"));
        build(project);
        project.write("seeds/base.csv", seed(5, 12, "a"));
        assertThat(build(project).failed()).isFalse();
        assertThat(rows(project, "select count(*), count(distinct id) from main.events")).containsExactly(List.of(12L, 12L));
    }

    @Test
    void syncAllColumnsSurvivesASchemaChangeAndFailRefusesIt() {
        TestProject project = project("""
                {{ config(materialized='incremental', unique_key='id', on_schema_change=var('osc', 'sync_all_columns')) }}
                select id{% if var('wide', false) %}, value, id * 2 as doubled{% endif %} from {{ ref('base') }}
                """).write("seeds/base.csv", seed(1, 10, "a"));
        build(project);
        project.write("seeds/base.csv", seed(1, 12, "a"));
        RunResults widened = project.sluice().build(project.options().vars(Map.of("wide", true)).build());
        assertThat(result(widened, "model.inc.events").status()).isEqualTo(NodeStatus.SUCCESS);
        assertThat(rows(project, "select count(*), sum(doubled)::bigint from main.events")).containsExactly(List.of(12L, 156L));

        RunResults refused = project.sluice().build(project.options()
                .vars(Map.of("wide", false, "osc", "fail")).build());
        NodeResult failed = result(refused, "model.inc.events");
        assertThat(failed.status()).isEqualTo(NodeStatus.ERROR);
        assertThat(failed.message()).contains("out of sync").contains("model inc.events");
        assertThat(rows(project, "select count(*) from main.events")).containsExactly(List.of(12L));
    }

    @Test
    void fullRefreshRebuildsAndAnUnknownStrategyIsNamed() {
        TestProject project = project("""
                {{ config(materialized='incremental', incremental_strategy=var('strategy', 'append')) }}
                select * from {{ ref('base') }}
                """).write("seeds/base.csv", seed(1, 10, "a"));
        build(project);
        build(project);
        assertThat(rows(project, "select count(*) from main.events")).containsExactly(List.of(20L));
        project.sluice().build(project.options().fullRefresh(true).build());
        assertThat(rows(project, "select count(*) from main.events")).containsExactly(List.of(10L));

        RunResults bad = project.sluice().run(project.options().vars(Map.of("strategy", "upsert")).build());
        NodeResult failed = result(bad, "model.inc.events");
        assertThat(failed.status()).isEqualTo(NodeStatus.ERROR);
        assertThat(failed.message()).contains("Invalid incremental strategy provided: upsert");
    }
}
