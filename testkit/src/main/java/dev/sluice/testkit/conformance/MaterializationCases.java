package dev.sluice.testkit.conformance;

import static dev.sluice.testkit.conformance.ConformanceFiles.PEOPLE_ADDED_CSV;
import static dev.sluice.testkit.conformance.ConformanceFiles.PEOPLE_CSV;
import static dev.sluice.testkit.conformance.ConformanceFiles.SOURCES_YML;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.api.ListOutput;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.spi.Capability;
import dev.sluice.testkit.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Materializations, after dbt's basic adapter cases: view, table and ephemeral models, a model switched between view
 * and table by a var, nested ephemerals, an empty project, and the introspective adapter methods.
 */
public abstract class MaterializationCases extends ConformanceBase {

    @Test
    void simpleMaterializations() throws IOException {
        requires(Capability.VIEWS);
        TestProject p = project("simple_materializations", Map.of(
                "seeds/people.csv", PEOPLE_CSV,
                "models/sources.yml", SOURCES_YML,
                "models/view_model.sql", "{{ config(materialized='view') }}\nselect * from {{ source('raw', 'people') }}\n",
                "models/table_model.sql", "{{ config(materialized='table') }}\nselect * from {{ source('raw', 'people') }}\n",
                "models/swappable.sql", "{{ config(materialized=var('materialized_var', 'view')) }}\n"
                        + "select * from {{ source('raw', 'people') }}\n",
                "models/ephemeral_people.sql", "{{ config(materialized='ephemeral') }}\n"
                        + "select id, name from {{ ref('people') }}\n",
                "models/from_ephemeral.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('ephemeral_people') }}\n"));

        RunResults seeded = seed(p);
        assertThat(statuses(seeded)).containsExactly(Map.entry("people", NodeStatus.SUCCESS));
        assertThat(rowCount(p, "people")).isEqualTo(10);

        RunResults first = run(p);
        assertAllGreen(first);
        assertThat(statuses(first)).containsOnlyKeys("view_model", "table_model", "swappable", "from_ephemeral");
        for (String model : List.of("view_model", "table_model", "swappable", "from_ephemeral")) {
            assertThat(rowCount(p, model)).as(model).isEqualTo(10);
        }
        assertThat(relationType(p, "view_model")).isEqualTo("view");
        assertThat(relationType(p, "table_model")).isEqualTo("table");
        assertThat(relationType(p, "swappable")).isEqualTo("view");
        assertThat(relationType(p, "from_ephemeral")).isEqualTo("table");
        assertThat(relationType(p, "ephemeral_people")).isEqualTo("none");
        assertThat(byName(first).get("table_model").relationName()).containsIgnoringCase("table_model");
        JsonNode artifact = readJson(p.dir().resolve("target/run_results.json"));
        assertThat(artifact.path("results").size()).isEqualTo(4);
        artifact.path("results").forEach(r -> assertThat(r.path("status").asText()).isEqualTo("success"));

        // more seed rows: views see them at once, tables only when rebuilt
        p.write("seeds/people.csv", PEOPLE_ADDED_CSV);
        assertAllGreen(seed(p));
        assertThat(rowCount(p, "view_model")).isEqualTo(20);
        assertThat(rowCount(p, "table_model")).isEqualTo(10);
        assertAllGreen(run(p));
        assertThat(rowCount(p, "table_model")).isEqualTo(20);
        assertThat(rowCount(p, "from_ephemeral")).isEqualTo(20);

        // the var turns the swappable view into a table, and leaving it out turns it back
        RunResults swapped = run(p, o -> o.vars(Map.of("materialized_var", "table")).select(List.of("swappable")));
        assertThat(statuses(swapped)).containsExactly(Map.entry("swappable", NodeStatus.SUCCESS));
        assertThat(relationType(p, "swappable")).isEqualTo("table");
        assertThat(rowCount(p, "swappable")).isEqualTo(20);
        assertAllGreen(run(p));
        assertThat(relationType(p, "swappable")).isEqualTo("view");
        assertThat(rowCount(p, "swappable")).isEqualTo(20);
    }

    @Test
    void tableMaterialization() {
        TestProject p = project("table_materialization", Map.of(
                "seeds/people.csv", PEOPLE_CSV,
                "models/people_table.sql", "{{ config(materialized='table') }}\n"
                        + "select id, name from {{ ref('people') }} where id <= {{ var('max_id', 100) }}\n"));
        assertAllGreen(seed(p));
        RunResults first = run(p);
        assertThat(statuses(first)).containsExactly(Map.entry("people_table", NodeStatus.SUCCESS));
        assertThat(relationType(p, "people_table")).isEqualTo("table");
        assertThat(rowCount(p, "people_table")).isEqualTo(10);
        assertThat(query(p, "select * from {{ ref('people_table') }}").columnNames())
                .map(String::toLowerCase).containsExactly("id", "name");

        // a re-run replaces the existing table with the new result
        assertAllGreen(run(p, o -> o.vars(Map.of("max_id", 4))));
        assertThat(rowCount(p, "people_table")).isEqualTo(4);
        assertThat(column(p, "select name from {{ ref('people_table') }} order by id"))
                .containsExactly("Ada", "Brian", "Chen", "Dana");

        // a table holds its rows until it is rebuilt
        p.write("seeds/people.csv", PEOPLE_ADDED_CSV);
        assertAllGreen(seed(p));
        assertThat(rowCount(p, "people_table")).isEqualTo(4);
        assertAllGreen(run(p));
        assertThat(rowCount(p, "people_table")).isEqualTo(20);
    }

    @Test
    void viewMaterialization() {
        requires(Capability.VIEWS);
        TestProject p = project("view_materialization", Map.of(
                "seeds/people.csv", PEOPLE_CSV,
                "models/people_view.sql", "{{ config(materialized='view') }}\n"
                        + "select id, upper(name) as shout from {{ ref('people') }}\n"));
        assertAllGreen(seed(p));
        assertThat(statuses(run(p))).containsExactly(Map.entry("people_view", NodeStatus.SUCCESS));
        assertThat(relationType(p, "people_view")).isEqualTo("view");
        assertThat(column(p, "select shout from {{ ref('people_view') }} where id = 1")).containsExactly("ADA");

        // a view reads its parent when queried
        p.write("seeds/people.csv", PEOPLE_ADDED_CSV);
        assertAllGreen(seed(p));
        assertThat(rowCount(p, "people_view")).isEqualTo(20);

        // a re-run replaces the view's definition
        p.write("models/people_view.sql", "{{ config(materialized='view') }}\n"
                + "select id, lower(name) as shout from {{ ref('people') }} where id > 15\n");
        assertAllGreen(run(p));
        assertThat(relationType(p, "people_view")).isEqualTo("view");
        assertThat(column(p, "select shout from {{ ref('people_view') }} order by id"))
                .containsExactly("priya", "quinn", "rosa", "sami", "tove");
    }

    @Test
    void nestedEphemeralModelsAreInjectedAsCtes() throws IOException {
        requires(Capability.VIEWS);
        TestProject p = project("ephemeral", Map.of(
                "seeds/people.csv", PEOPLE_CSV,
                "models/eph_base.sql", "{{ config(materialized='ephemeral') }}\n"
                        + "select id, name from {{ ref('people') }} where id is not null\n",
                "models/eph_even.sql", "{{ config(materialized='ephemeral') }}\n"
                        + "select id, name from {{ ref('eph_base') }} where mod(id, 2) = 0\n",
                "models/even_people.sql", "{{ config(materialized='table') }}\n"
                        + "with picked as (\n    select * from {{ ref('eph_even') }}\n)\nselect id, name from picked\n",
                "models/even_names.sql", "{{ config(materialized='view') }}\n"
                        + "select name from {{ ref('eph_even') }}\n"));
        assertAllGreen(seed(p));

        RunResults results = run(p);
        assertAllGreen(results);
        assertThat(statuses(results)).containsOnlyKeys("even_people", "even_names");
        assertThat(column(p, "select id from {{ ref('even_people') }} order by id"))
                .containsExactly("2", "4", "6", "8", "10");
        assertThat(rowCount(p, "even_names")).isEqualTo(5);
        assertThat(relationType(p, "eph_base")).isEqualTo("none");
        assertThat(relationType(p, "eph_even")).isEqualTo("none");

        Path compiled = p.dir().resolve("target/compiled/ephemeral/models/even_people.sql");
        assertThat(compiled).exists();
        String sql = Files.readString(compiled);
        assertThat(sql).contains("__dbt__cte__eph_base").contains("__dbt__cte__eph_even").doesNotContain("ref(");
        assertThat(sql.indexOf("__dbt__cte__eph_base")).as("the inner ephemeral is defined first")
                .isLessThan(sql.indexOf("__dbt__cte__eph_even"));
        assertThat(byName(results).get("even_people").compiledCode()).contains("__dbt__cte__eph_even");
    }

    @Test
    void emptyProject() throws IOException {
        TestProject p = project("empty_project", Map.of());
        p.delete("macros/conformance_helpers.sql");

        assertThat(p.sluice().parse(p.options().build())).isZero();
        JsonNode manifest = readJson(p.dir().resolve("target/manifest.json"));
        assertThat(manifest.path("nodes").size()).isZero();
        assertThat(manifest.path("metadata").path("project_name").asText("empty_project")).isEqualTo("empty_project");

        for (RunResults results : List.of(run(p), seed(p), test(p), build(p))) {
            assertThat(results.results()).as(results.command()).isEmpty();
            assertThat(results.failed()).isFalse();
        }
        JsonNode runResults = readJson(p.dir().resolve("target/run_results.json"));
        assertThat(runResults.path("results").isArray()).isTrue();
        assertThat(runResults.path("results").size()).isZero();
        assertThat(p.sluice().list(p.options().build(), ListOutput.SELECTOR, List.of())).isEmpty();
        assertThat(p.events().messages()).anyMatch(m -> m.contains("Nothing to do"));
    }

    @Test
    void adapterMethodsSeeUpstreamRelations() {
        TestProject p = project("adapter_methods", Map.of(
                "models/upstream.sql", "{{ config(materialized='table') }}\nselect 1 as id, 'first' as label\n",
                "models/introspect.sql", """
                        {{ config(materialized='table') }}
                        {% set upstream = ref('upstream') %}
                        {% set found = adapter.get_relation(database=upstream.database, schema=upstream.schema, identifier=upstream.identifier) %}
                        {% set missing = adapter.get_relation(database=upstream.database, schema=upstream.schema, identifier='no_such_relation') %}
                        {% set columns = adapter.get_columns_in_relation(upstream) %}
                        select
                          '{{ "missing" if found is none else found.type }}' as upstream_type,
                          '{{ columns | map(attribute="name") | join(",") | lower }}' as upstream_columns,
                          {{ columns | length }} as column_count,
                          '{{ "none" if missing is none else "found" }}' as missing_lookup
                        from {{ upstream }}
                        """,
                "tests/upstream_has_two_columns.sql", """
                        {% set columns = adapter.get_columns_in_relation(ref('upstream')) %}
                        select 1 as problem
                        {% if columns | length == 2 %} where 1 = 0 {% endif %}
                        """));

        // compiling before anything exists must not fail: the look-ups answer "missing" and no columns
        Map<String, String> compiled = p.sluice().compile(p.options().build());
        assertThat(compiled).containsKey("model.adapter_methods.introspect");

        RunResults results = run(p);
        assertAllGreen(results);
        assertThat(statuses(results)).containsOnlyKeys("upstream", "introspect");
        List<List<Object>> rows = query(p, "select upstream_type, upstream_columns, column_count, missing_lookup "
                + "from {{ ref('introspect') }}").rows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(0)).isEqualTo("table");
        assertThat(rows.get(0).get(1)).isEqualTo("id,label");
        assertThat(((Number) rows.get(0).get(2)).intValue()).isEqualTo(2);
        assertThat(rows.get(0).get(3)).isEqualTo("none");

        RunResults tested = test(p);
        assertThat(statuses(tested)).containsExactly(Map.entry("upstream_has_two_columns", NodeStatus.PASS));
    }

    private static JsonNode readJson(Path file) throws IOException {
        assertThat(file).exists();
        return new ObjectMapper().readTree(file.toFile());
    }
}
