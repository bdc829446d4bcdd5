package dev.sluice.testkit.conformance;

import static dev.sluice.testkit.conformance.ConformanceFiles.PEOPLE_CSV;
import static dev.sluice.testkit.conformance.ConformanceFiles.SOURCES_YML;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.spi.Capability;
import dev.sluice.testkit.TestProject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Data tests, after dbt's basic adapter cases: singular tests (also over ephemeral models), the four generic tests on a
 * seed, a view and a table with failure counts, and build order (a failing test skips what is downstream).
 */
public abstract class TestCases extends MaterializationCases {

    @Test
    void singularTests() {
        TestProject p = project("singular_tests", Map.of(
                "tests/passing.sql", "select * from (select 1 as id) as only_one where id = 2\n",
                "tests/failing.sql", "select * from (\n    select 1 as id union all select 2 as id union all select 3 as id\n"
                        + ") as three where id >= 2\n",
                "tests/warning.sql", "{{ config(severity='warn') }}\nselect 1 as id\n"));

        RunResults results = test(p);
        Map<String, NodeResult> byName = byName(results);
        assertThat(byName).containsOnlyKeys("passing", "failing", "warning");
        assertThat(byName.get("passing").status()).isEqualTo(NodeStatus.PASS);
        assertThat(byName.get("passing").failures()).isZero();
        assertThat(byName.get("failing").status()).isEqualTo(NodeStatus.FAIL);
        assertThat(byName.get("failing").failures()).isEqualTo(2L);
        assertThat(byName.get("warning").status()).isEqualTo(NodeStatus.WARN);
        assertThat(byName.get("warning").failures()).isEqualTo(1L);
        assertThat(results.failed()).isTrue();

        // warnings alone do not fail an invocation
        RunResults notFailing = test(p, o -> o.select(List.of("passing", "warning")));
        assertThat(notFailing.results()).hasSize(2);
        assertThat(notFailing.failed()).isFalse();
    }

    @Test
    void singularTestsOnEphemeralModels() {
        String passing = "with wanted as (\n    select id, name from {{ ref('ephemeral') }}\n    where id > 1000\n)\n"
                + "select name, id from wanted\n";
        String failing = "with wanted as (\n    select id, name from {{ ref('ephemeral') }}\n    where id < 1000\n)\n"
                + "select name, id from wanted\n";
        TestProject p = project("singular_tests_ephemeral", Map.of(
                "seeds/people.csv", PEOPLE_CSV,
                "models/sources.yml", SOURCES_YML,
                "models/ephemeral.sql", "{{ config(materialized='ephemeral') }}\n"
                        + "with people as (\n    select name, id from {{ source('raw', 'people') }}\n)\n"
                        + "select id, name from people where id is not null\n",
                "models/passing_model.sql", passing,
                "models/failing_model.sql", failing,
                "tests/passing.sql", passing,
                "tests/failing.sql", failing));

        assertThat(statuses(seed(p))).containsExactly(Map.entry("people", NodeStatus.SUCCESS));

        RunResults tested = test(p);
        assertThat(statuses(tested)).containsOnly(Map.entry("passing", NodeStatus.PASS),
                Map.entry("failing", NodeStatus.FAIL));
        assertThat(byName(tested).get("failing").failures()).isEqualTo(10L);

        RunResults ran = run(p);
        assertAllGreen(ran);
        assertThat(statuses(ran)).containsOnlyKeys("passing_model", "failing_model");
        assertThat(rowCount(p, "passing_model")).isZero();
        assertThat(rowCount(p, "failing_model")).isEqualTo(10);
    }

    @Test
    void genericTests() {
        requires(Capability.VIEWS);
        TestProject p = project("generic_tests", Map.of(
                "seeds/people.csv", PEOPLE_CSV,
                "seeds/seeds.yml", """
                        version: 2
                        seeds:
                          - name: people
                            columns:
                              - name: id
                                data_tests:
                                  - not_null
                                  - unique
                        """,
                "models/sources.yml", SOURCES_YML,
                "models/view_model.sql", "{{ config(materialized='view') }}\nselect * from {{ source('raw', 'people') }}\n",
                "models/table_model.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('people') }}\n",
                "models/schema.yml", """
                        version: 2
                        models:
                          - name: view_model
                            columns:
                              - name: id
                                data_tests:
                                  - not_null
                                  - unique
                                  - relationships:
                                      to: ref('table_model')
                                      field: id
                          - name: table_model
                            columns:
                              - name: id
                                tests:
                                  - not_null
                              - name: name
                                tests:
                                  - accepted_values:
                                      values: ['Ada', 'Brian', 'Chen', 'Dana', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jun']
                        """));

        assertAllGreen(seed(p));
        RunResults onSeed = test(p, o -> o.select(List.of("people")));
        assertThat(onSeed.results()).hasSize(2);
        assertAllGreen(onSeed);

        RunResults ran = run(p);
        assertThat(statuses(ran)).containsOnly(Map.entry("view_model", NodeStatus.SUCCESS),
                Map.entry("table_model", NodeStatus.SUCCESS));

        RunResults all = test(p);
        assertThat(all.results()).hasSize(7);
        assertAllGreen(all);
        assertThat(all.results()).allSatisfy(r -> assertThat(r.failures()).as(r.uniqueId()).isZero());
        assertThat(all.results().stream().map(ConformanceBase::nameOf).toList())
                .anyMatch(n -> n.startsWith("relationships_view_model_id"))
                .anyMatch(n -> n.startsWith("accepted_values_")) // past 64 characters the name becomes a hash
                .anyMatch(n -> n.startsWith("unique_people_id"));

        // failing cases: two of ten names accepted, and a view with three duplicated ids
        p.write("models/failing.yml", """
                version: 2
                models:
                  - name: table_model
                    columns:
                      - name: name
                        data_tests:
                          - accepted_values:
                              values: ['Ada', 'Brian']
                  - name: dupes
                    columns:
                      - name: id
                        data_tests:
                          - unique
                          - not_null
                """);
        p.write("models/dupes.sql", "{{ config(materialized='view') }}\nselect id from {{ ref('people') }}\n"
                + "union all\nselect id from {{ ref('people') }} where id <= 3\n");
        assertAllGreen(run(p, o -> o.select(List.of("dupes"))));
        RunResults failing = test(p);
        assertThat(failing.results()).hasSize(10);
        assertThat(failing.failed()).isTrue();
        NodeResult accepted = only(failing, "accepted_values_table_model_name__Ada__Brian.");
        assertThat(accepted.status()).isEqualTo(NodeStatus.FAIL);
        assertThat(accepted.failures()).isEqualTo(8L);
        NodeResult unique = only(failing, "unique_dupes_id");
        assertThat(unique.status()).isEqualTo(NodeStatus.FAIL);
        assertThat(unique.failures()).isEqualTo(3L);
        assertThat(only(failing, "not_null_dupes_id").status()).isEqualTo(NodeStatus.PASS);
        assertThat(failing.count(NodeStatus.FAIL)).isEqualTo(2);
        assertThat(failing.count(NodeStatus.PASS)).isEqualTo(8);
    }

    @Test
    void buildRunsInDependencyOrderAndAFailingTestSkipsDownstream() {
        TestProject p = project("build_order", Map.of(
                "seeds/people.csv", PEOPLE_CSV,
                "models/parent.sql", "{{ config(materialized='table') }}\n"
                        + "select id, case when id = 3 then null else name end as name from {{ ref('people') }}\n",
                "models/child.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('parent') }}\n",
                "models/grandchild.sql", "{{ config(materialized='table') }}\nselect count(*) as n from {{ ref('child') }}\n",
                "models/independent.sql", "{{ config(materialized='table') }}\n"
                        + "select count(*) as n from {{ ref('people') }}\n",
                "models/schema.yml", """
                        version: 2
                        models:
                          - name: parent
                            columns:
                              - name: id
                                data_tests: [unique]
                              - name: name
                                data_tests: [not_null]
                          - name: independent
                            columns:
                              - name: n
                                data_tests: [not_null]
                        """));

        RunResults failed = build(p);
        assertThat(statuses(failed)).containsOnly(
                Map.entry("people", NodeStatus.SUCCESS),
                Map.entry("parent", NodeStatus.SUCCESS),
                Map.entry("unique_parent_id", NodeStatus.PASS),
                Map.entry("not_null_parent_name", NodeStatus.FAIL),
                Map.entry("child", NodeStatus.SKIPPED),
                Map.entry("grandchild", NodeStatus.SKIPPED),
                Map.entry("independent", NodeStatus.SUCCESS),
                Map.entry("not_null_independent_n", NodeStatus.PASS));
        assertThat(byName(failed).get("not_null_parent_name").failures()).isEqualTo(1L);
        assertThat(failed.failed()).isTrue();
        assertThat(relationType(p, "child")).isEqualTo("none");
        assertThat(relationType(p, "grandchild")).isEqualTo("none");
        assertThat(rowCount(p, "independent")).isEqualTo(1);

        // once the parent's data is fixed, everything builds, each node after what it depends on
        p.write("models/parent.sql", "{{ config(materialized='table') }}\nselect id, name from {{ ref('people') }}\n");
        RunResults green = build(p);
        assertAllGreen(green);
        assertThat(green.results()).hasSize(8);
        List<String> order = green.results().stream().map(ConformanceBase::nameOf).toList();
        assertThat(order.indexOf("people")).isLessThan(order.indexOf("parent"));
        assertThat(order.indexOf("parent")).isLessThan(order.indexOf("not_null_parent_name"));
        assertThat(order.indexOf("not_null_parent_name")).isLessThan(order.indexOf("child"));
        assertThat(order.indexOf("unique_parent_id")).isLessThan(order.indexOf("child"));
        assertThat(order.indexOf("child")).isLessThan(order.indexOf("grandchild"));
        assertThat(rowCount(p, "child")).isEqualTo(10);
        assertThat(column(p, "select n from {{ ref('grandchild') }}")).containsExactly("10");
    }
}
