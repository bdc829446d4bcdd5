package dev.sluice.duckdb.engine;

import static dev.sluice.duckdb.engine.Fixture.lines;
import static dev.sluice.duckdb.engine.Fixture.relations;
import static dev.sluice.duckdb.engine.Fixture.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** view, table, ephemeral (CTE injection, nesting, sharing), seed, and pre/post hooks on real DuckDB. */
class MaterializationsTest {
    @TempDir
    Path dir;

    private TestProject project() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("seeds/raw_numbers.csv", "n\n1\n2\n3\n4\n");
        files.put("models/eph_base.sql", "{{ config(materialized='ephemeral') }}\nselect n from {{ ref('raw_numbers') }}");
        files.put("models/eph_even.sql", "{{ config(materialized='ephemeral') }}\n"
                + "with evens as (select n from {{ ref('eph_base') }} where n % 2 = 0)\nselect n from evens");
        files.put("models/as_view.sql", "{{ config(materialized='view') }}\nselect n * 10 as n10 from {{ ref('eph_even') }}");
        files.put("models/as_table.sql", """
                {{ config(materialized='table',
                          pre_hook="insert into main.hook_log values ('pre ' || (select count(*) from main.hook_log))",
                          post_hook=["insert into main.hook_log values ('post {{ this.identifier }}')",
                                     "create or replace table main.after_table as select count(*) as c from {{ this }}"]) }}
                with mine as (select n from {{ ref('eph_base') }})
                select mine.n, e.n as even from mine left join {{ ref('eph_even') }} e using (n)
                """);
        files.put("models/default_mat.sql", "select 1 as one");
        return Fixture.project(dir, "mats", """
                on-run-start: "create table if not exists main.hook_log (event varchar)"
                models:
                  mats:
                    +post-hook: "insert into main.hook_log values ('project post {{ this.name }}')"
                """, files);
    }

    @Test
    void viewsTablesEphemeralsAndSeedsLandAsTheirKinds() {
        TestProject project = project();
        RunResults results = project.sluice().build(project.options().build());
        assertThat(results.failed()).as(summary(results)).isFalse();
        assertThat(results.results()).extracting(NodeResult::uniqueId)
                .containsExactlyInAnyOrder("seed.mats.raw_numbers", "model.mats.as_view", "model.mats.as_table",
                        "model.mats.default_mat");
        assertThat(relations(project, "raw_numbers", "eph_base", "eph_even", "as_view", "as_table", "default_mat"))
                .containsExactly("main.as_table BASE TABLE", "main.as_view VIEW", "main.default_mat VIEW",
                        "main.raw_numbers BASE TABLE");
        assertThat(lines(project, "select n10 from {{ ref('as_view') }} order by 1")).containsExactly("20", "40");
        assertThat(lines(project, "select n, even from {{ ref('as_table') }} order by 1"))
                .containsExactly("1|null", "2|2", "3|null", "4|4");
        assertThat(Fixture.result(results, "model.mats.as_table").message()).isNotBlank();
    }

    @Test
    void ephemeralModelsAreInjectedAsCtesOnceAndInDependencyOrder() {
        TestProject project = project();
        project.sluice().run(project.options().build());
        String view = Fixture.read(project, "target/compiled/mats/models/as_view.sql");
        assertThat(view).startsWith("with __dbt__cte__eph_base as (")
                .contains("__dbt__cte__eph_even as (")
                .contains("from __dbt__cte__eph_even");
        assertThat(view.indexOf("__dbt__cte__eph_base as")).isLessThan(view.indexOf("__dbt__cte__eph_even as"));
        String table = Fixture.read(project, "target/compiled/mats/models/as_table.sql");
        assertThat(table.split("__dbt__cte__eph_base as \\(", -1)).hasSize(2);
        assertThat(table).contains("mine as (select n from __dbt__cte__eph_base)")
                .contains("left join __dbt__cte__eph_even e");
        assertThat(table).doesNotContain("\"eph_base\"").doesNotContain("\"eph_even\"");

        JsonNode manifest = Fixture.json(project, "target/manifest.json");
        assertThat(manifest.at("/nodes/model.mats.as_view/extra_ctes").size()).isEqualTo(2);
        assertThat(manifest.at("/nodes/model.mats.as_view/extra_ctes/0/id").asText()).isEqualTo("model.mats.eph_base");
        assertThat(manifest.at("/nodes/model.mats.as_view/extra_ctes/1/sql").asText())
                .startsWith("__dbt__cte__eph_even as (\nwith evens as");
    }

    @Test
    void preAndPostHooksRunInOrderWithTheNodeContext() {
        TestProject project = project();
        project.sluice().seed(project.options().build());
        RunResults results = project.sluice().run(project.options().select(java.util.List.of("as_table")).build());
        assertThat(results.failed()).as(summary(results)).isFalse();
        assertThat(lines(project, "select event from main.hook_log")).containsExactly(
                "pre 0", "project post as_table", "post as_table");
        assertThat(lines(project, "select c from main.after_table")).containsExactly("4");
    }

    @Test
    void aFailingModelLeavesTheOldRelationInPlace() {
        TestProject project = project();
        project.sluice().run(project.options().build());
        project.write("models/default_mat.sql", "select 1 as one from not_a_table");
        RunResults results = project.sluice().run(project.options().select(java.util.List.of("default_mat")).build());
        NodeResult failed = Fixture.result(results, "model.mats.default_mat");
        assertThat(failed.status()).isEqualTo(NodeStatus.ERROR);
        assertThat(failed.message()).contains("not_a_table");
        assertThat(lines(project, "select one from main.default_mat")).containsExactly("1");
    }
}
