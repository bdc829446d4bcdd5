package dev.sluice.duckdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sluice's built-in generic tests compile through a shortcut when nothing overrides them (core.compile.BuiltInTestSql).
 * A twin project whose own test_not_null and test_unique macros hand over to the same built-in SQL takes the plain
 * Jinja path: every test must compile to the same text in both.
 */
class BuiltInTestSqlParityTest {
    @TempDir
    Path dir;

    private static Map<String, String> files(boolean overridden) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("models/orders.sql", "select 1 as id, 'a' as \"Odd \"\"Name\"\"\", 2 as amount");
        files.put("models/eph.sql", "{{ config(materialized='ephemeral') }}select 1 as id");
        files.put("models/from_eph.sql", "select * from {{ ref('eph') }}");
        files.put("models/schema.yml", """
                version: 2
                sources:
                  - name: raw
                    schema: raw
                    tables:
                      - name: payments
                        columns:
                          - name: id
                            tests: [not_null, unique]
                models:
                  - name: orders
                    columns:
                      - name: id
                        tests:
                          - not_null
                          - unique:
                              config:
                                where: "amount > 0 and note <> 'it''s \\\\ \\"x\\"'"
                      - name: Odd "Name"
                        quote: true
                        tests: [not_null, unique]
                      - name: amount
                        tests:
                          - not_null:
                              config:
                                store_failures: true
                          - unique:
                              column_name: "amount || '-' || id"
                  - name: eph
                    columns:
                      - name: id
                        tests: [not_null]
                  - name: from_eph
                    columns:
                      - name: id
                        tests: [unique]
                """);
        if (overridden) {
            files.put("macros/tests.sql", """
                    {% test not_null(model, column_name) %}
                        {{ return(adapter.dispatch('test_not_null', 'dbt')(model, column_name)) }}
                    {% endtest %}
                    {% test unique(model, column_name) %}
                        {{ return(adapter.dispatch('test_unique', 'dbt')(model, column_name)) }}
                    {% endtest %}
                    """);
        }
        return files;
    }

    private Map<String, String> tests(String folder, boolean overridden) {
        TestProject project = Fixture.project(dir.resolve(folder), "parity", "", files(overridden));
        Map<String, String> tests = new TreeMap<>();
        project.sluice().compile(project.options().build()).forEach((id, sql) -> {
            if (id.startsWith("test.")) {
                tests.put(id, sql);
            }
        });
        return tests;
    }

    @Test
    void theShortcutCompilesEveryTestAsJinjaDoes() {
        Map<String, String> shortcut = tests("shortcut", false);
        Map<String, String> jinja = tests("jinja", true);
        assertThat(shortcut).hasSize(10);
        assertThat(shortcut).isEqualTo(jinja);
        assertThat(shortcut.values()).anySatisfy(sql -> assertThat(sql)
                .contains("where \"Odd \"\"Name\"\"\" is null"));
        assertThat(shortcut.values()).anySatisfy(sql -> assertThat(sql).contains("select *\nfrom"));
        assertThat(shortcut.values()).anySatisfy(sql -> assertThat(sql).contains("dbt_subquery"));
        assertThat(shortcut.values()).anySatisfy(sql -> assertThat(sql).contains("__dbt__cte__eph"));
    }
}
