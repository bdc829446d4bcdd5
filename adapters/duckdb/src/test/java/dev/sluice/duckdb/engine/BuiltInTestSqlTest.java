package dev.sluice.duckdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sluice's own generic tests compile from a template rendered once per argument shape; the SQL must be exactly what a
 * Jinja render of the same macros gives. The second project carries a copy of the built-in test macros as its own,
 * which makes every test render through Jinja.
 */
class BuiltInTestSqlTest {
    @TempDir
    Path templated;
    @TempDir
    Path rendered;

    private static final String SCHEMA = """
            version: 2
            sources:
              - name: raw
                schema: main
                tables:
                  - name: landing
                    identifier: landing_raw
                    columns:
                      - name: id
                        data_tests: [unique, not_null]
            models:
              - name: people
                columns:
                  - name: id
                    data_tests:
                      - unique
                      - not_null
                      - not_null:
                          name: id_kept
                          config:
                            store_failures: true
                      - unique:
                          name: unique_id_above_one
                          config:
                            where: "id > 1"
                            severity: warn
              - name: orders
                columns:
                  - name: person_id
                    data_tests:
                      - relationships:
                          to: ref('people')
                          field: id
                      - relationships:
                          name: person_in_project_people
                          to: ref('shop', 'people')
                          field: id
                      - relationships:
                          name: person_in_staged
                          to: ref('staged')
                          field: id
                      - relationships:
                          name: person_in_landing
                          to: source('raw', 'landing')
                          field: id
                      - accepted_values:
                          values: [1, 2]
                          quote: false
                  - name: "Order Total"
                    quote: true
                    data_tests: [not_null, unique]
            """;

    private static TestProject project(Path dir) {
        TestProject project = TestProject.at(dir).write("dbt_project.yml", "name: shop\nprofile: shop\n"
                        + "on-run-start: \"create table if not exists main.landing_raw as select 3 as id\"\n")
                .duckdbProfile("shop", "main", 2)
                .write("models/people.sql", "select 1 as id union all select 2")
                .write("models/staged.sql", "{{ config(materialized='ephemeral') }}\nselect id from {{ ref('people') }}")
                .write("models/orders.sql", "select 1 as person_id, 10 as \"Order Total\" union all select 2, 20")
                .write("models/schema.yml", SCHEMA);
        return project;
    }

    @Test
    void templatedTestsCompileToWhatJinjaRenders() throws IOException {
        TestProject plain = project(templated);
        TestProject own = project(rendered).write("macros/own_generic_tests.sql", builtInTestMacros());

        Map<String, String> expected = tests(own.sluice().compile(own.options().build()));
        Map<String, String> actual = tests(plain.sluice().compile(plain.options().build()));

        assertThat(expected).hasSize(13);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.get("test.shop.id_kept")).contains("select *");
        assertThat(actual.get("test.shop.not_null_people_id")).contains("select id\n");
        assertThat(actual.get("test.shop.person_in_staged")).contains("with __dbt__cte__staged as (");
        assertThat(actual.get("test.shop.person_in_landing")).contains("\"main\".\"landing_raw\"");
        assertThat(actual.get("test.shop.unique_id_above_one")).contains("where id > 1) dbt_subquery");
    }

    @Test
    void templatedTestsRunAndGrade() {
        TestProject plain = project(templated);
        RunResults results = plain.sluice().build(plain.options().build());
        Map<String, NodeStatus> statuses = new TreeMap<>();
        results.results().stream().filter(r -> r.uniqueId().startsWith("test."))
                .forEach(r -> statuses.put(r.uniqueId().replaceFirst("\\.[0-9a-f]{10}$", ""), r.status()));
        assertThat(statuses).hasSize(13).containsEntry("test.shop.person_in_landing", NodeStatus.FAIL);
        statuses.remove("test.shop.person_in_landing");
        assertThat(statuses).as(Fixture.summary(results)).allSatisfy((id, status) -> assertThat(status).isEqualTo(NodeStatus.PASS));
        assertThat(Fixture.resultNamed(results, "test.shop.person_in_landing").failures()).isEqualTo(2L);
    }

    /** Compiled SQL of the tests, keyed by unique id without the hash suffix. */
    private static Map<String, String> tests(Map<String, String> compiled) {
        Map<String, String> out = new TreeMap<>();
        compiled.forEach((id, sql) -> {
            if (id.startsWith("test.")) {
                out.put(id.replaceFirst("\\.[0-9a-f]{10}$", ""), sql);
            }
        });
        return out;
    }

    private static String builtInTestMacros() throws IOException {
        try (InputStream in = BuiltInTestSqlTest.class.getResourceAsStream("/dev/sluice/core/macros/generic_tests.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
