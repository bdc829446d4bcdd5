package dev.sluice.duckdb.engine;

import static dev.sluice.duckdb.engine.Fixture.lines;
import static dev.sluice.duckdb.engine.Fixture.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeds, sources, generic and singular tests (severity, where, thresholds, custom), docs, exposures, analyses. */
class NodesTest {
    @TempDir
    Path dir;
    private TestProject project;

    private static final String PROJECT_YAML = """
            on-run-start:
              - "create schema if not exists landing"
              - "create or replace table landing.raw_orders as select * from (values (1, 1, 'placed', 10, null), (2, 2, 'shipped', 20, 'gift'), (3, 3, 'returned', 5, null), (4, 1, 'placed', 7, null)) t(order_id, person_id, status, amount, note)"
            """;

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("seeds/people.csv", "id;name;amount;joined\n1;ann;10.5;2024-01-02\n2;bob;3;2024-02-03\n3;cy;7;2024-03-04\n");
        files.put("seeds/seeds.yml", """
                version: 2
                seeds:
                  - name: people
                    config:
                      delimiter: ";"
                      column_types:
                        amount: decimal(10,2)
                        joined: varchar
                    columns:
                      - name: id
                        data_tests: [unique, not_null]
                """);
        files.put("models/sources.yml", """
                version: 2
                sources:
                  - name: raw
                    database: warehouse
                    schema: landing
                    tables:
                      - name: orders
                        identifier: raw_orders
                        columns:
                          - name: order_id
                            tests: [unique, not_null]
                """);
        files.put("models/orders.sql", "select * from {{ source('raw', 'orders') }}");
        files.put("models/docs.md", "{% docs orders_doc %}\nOrders, one row per order.\n{% enddocs %}\n"
                + "{% docs status_doc %}The order status.{% enddocs %}\n");
        files.put("models/schema.yml", """
                version: 2
                models:
                  - name: orders
                    description: "{{ doc('orders_doc') }}"
                    data_tests:
                      - has_rows:
                          min_rows: 2
                    columns:
                      - name: order_id
                        tests:
                          - unique
                          - is_positive
                      - name: status
                        description: "{{ doc('status_doc') }}"
                        data_tests:
                          - accepted_values:
                              values: ['placed', 'shipped', 'returned']
                          - accepted_values:
                              name: status_without_returns
                              values: ['placed', 'shipped']
                              config:
                                where: "order_id <> 3"
                      - name: person_id
                        tests:
                          - accepted_values:
                              values: [1, 2, 3]
                              quote: false
                          - relationships:
                              to: ref('people')
                              field: id
                          - relationships:
                              to: ref('ghost')
                              field: id
                      - name: note
                        tests:
                          - not_null:
                              config:
                                severity: warn
                          - not_null:
                              name: note_mostly_set
                              config:
                                warn_if: ">0"
                                error_if: ">10"
                  - name: ghost_patch_only
                    columns:
                      - name: id
                        tests: [unique]
                """);
        files.put("macros/is_positive.sql", "{% test is_positive(model, column_name) %}\n"
                + "select * from {{ model }} where {{ column_name }} <= 0\n{% endtest %}\n");
        files.put("tests/generic/has_rows.sql", "{% test has_rows(model, min_rows=1) %}\n"
                + "select n from (select count(*) as n from {{ model }}) where n < {{ min_rows }}\n{% endtest %}\n");
        files.put("tests/no_big_orders.sql", "select * from {{ ref('orders') }} where amount > 1000");
        files.put("models/exposures.yml", """
                version: 2
                exposures:
                  - name: weekly_report
                    type: dashboard
                    description: "{{ doc('orders_doc') }}"
                    owner:
                      name: Ann
                      email: ann@example.com
                    depends_on:
                      - ref('orders')
                      - source('raw', 'orders')
                """);
        files.put("analyses/revenue.sql", "select sum(amount) as revenue from {{ ref('orders') }}");
        return files;
    }

    @BeforeEach
    void setUp() {
        project = Fixture.project(dir, "nodes", PROJECT_YAML, files());
    }

    private static NodeStatus statusOf(RunResults results, String name) {
        return results.results().stream()
                .filter(r -> r.uniqueId().equals("test.nodes." + name) || r.uniqueId().startsWith("test.nodes." + name + "."))
                .findFirst().orElseThrow(() -> new AssertionError("no test " + name + " in\n" + summary(results)))
                .status();
    }

    @Test
    void buildRunsEveryKindOfTestAndGradesThem() {
        RunResults results = project.sluice().build(project.options().build());

        assertThat(statusOf(results, "unique_people_id")).isEqualTo(NodeStatus.PASS);
        assertThat(statusOf(results, "not_null_people_id")).isEqualTo(NodeStatus.PASS);
        assertThat(statusOf(results, "source_unique_raw_orders_order_id")).isEqualTo(NodeStatus.PASS);
        assertThat(statusOf(results, "source_not_null_raw_orders_order_id")).isEqualTo(NodeStatus.PASS);
        assertThat(statusOf(results, "unique_orders_order_id")).isEqualTo(NodeStatus.PASS);
        assertThat(statusOf(results, "is_positive_orders_order_id")).isEqualTo(NodeStatus.PASS);
        assertThat(statusOf(results, "has_rows_orders_2")).isEqualTo(NodeStatus.PASS);
        assertThat(statusOf(results, "accepted_values_orders_status__placed__shipped__returned"))
                .isEqualTo(NodeStatus.PASS);
        assertThat(statusOf(results, "status_without_returns")).isEqualTo(NodeStatus.PASS);
        assertThat(statusOf(results, "accepted_values_orders_person_id__False__1__2__3")).isEqualTo(NodeStatus.PASS);
        assertThat(statusOf(results, "relationships_orders_person_id__id__ref_people_")).isEqualTo(NodeStatus.PASS);
        assertThat(statusOf(results, "no_big_orders")).isEqualTo(NodeStatus.PASS);

        NodeResult severityWarn = Fixture.resultNamed(results, "test.nodes.not_null_orders_note.");
        assertThat(severityWarn.status()).isEqualTo(NodeStatus.WARN);
        assertThat(severityWarn.failures()).isEqualTo(3L);
        NodeResult thresholds = Fixture.resultNamed(results, "test.nodes.note_mostly_set.");
        assertThat(thresholds.status()).isEqualTo(NodeStatus.WARN);
        assertThat(thresholds.message()).contains("Got 3 results, configured to warn if >0");
        assertThat(results.failed()).as(summary(results)).isFalse();

        assertThat(results.results()).extracting(NodeResult::uniqueId)
                .noneMatch(id -> id.contains("ghost")).noneMatch(id -> id.startsWith("analysis."));
        assertThat(Fixture.warnings(project)).anyMatch(w -> w.contains("depends on a node named 'ghost'"))
                .anyMatch(w -> w.contains("ghost_patch_only"));

        String compiledQuote = Fixture.read(project, "target/compiled/nodes/models/schema.yml/"
                + "accepted_values_orders_person_id__False__1__2__3.sql");
        assertThat(compiledQuote).containsPattern("1,\\s*2,\\s*3").doesNotContain("'1'");
        String compiledWhere = Fixture.read(project, "target/compiled/nodes/models/schema.yml/status_without_returns.sql");
        assertThat(compiledWhere).contains("where order_id <> 3");
    }

    @Test
    void seedHonoursDelimiterAndColumnTypesFromYaml() {
        RunResults results = project.sluice().seed(project.options().build());
        assertThat(results.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(NodeStatus.SUCCESS);
            assertThat(r.message()).isEqualTo("INSERT 3");
        });
        assertThat(lines(project, "select column_name, data_type from information_schema.columns "
                + "where table_name = 'people' order by ordinal_position"))
                .containsExactly("id|BIGINT", "name|VARCHAR", "amount|DECIMAL(10,2)", "joined|VARCHAR");
        assertThat(lines(project, "select name, amount, joined from {{ ref('people') }} order by id"))
                .containsExactly("ann|10.50|2024-01-02", "bob|3.00|2024-02-03", "cy|7.00|2024-03-04");
    }

    @Test
    void sourceResolvesToDatabaseSchemaAndIdentifier() {
        RunResults results = project.sluice().run(project.options().build());
        assertThat(results.failed()).as(summary(results)).isFalse();
        assertThat(Fixture.read(project, "target/compiled/nodes/models/orders.sql"))
                .isEqualTo("select * from \"warehouse\".\"landing\".\"raw_orders\"");
        assertThat(lines(project, "select count(*), sum(amount) from {{ ref('orders') }}")).containsExactly("4|42");
    }

    @Test
    void failingThresholdFailsTheRunAndSeverityWarnDoesNot() {
        project.write("tests/too_many_placed.sql", "{{ config(error_if='>1', warn_if='>0') }}\n"
                + "select * from {{ ref('orders') }} where status = 'placed'");
        RunResults results = project.sluice().build(project.options().build());
        NodeResult failing = Fixture.resultNamed(results, "test.nodes.too_many_placed");
        assertThat(failing.status()).isEqualTo(NodeStatus.FAIL);
        assertThat(failing.failures()).isEqualTo(2L);
        assertThat(failing.message()).isEqualTo("Got 2 results, configured to fail if >1");
        assertThat(results.failed()).isTrue();

        JsonNode runResults = Fixture.json(project, "target/run_results.json");
        List<String> statuses = new java.util.ArrayList<>();
        runResults.get("results").forEach(r -> statuses.add(r.get("unique_id").asText().replaceAll("\\.[0-9a-f]{10}$", "")
                + "=" + r.get("status").asText()));
        assertThat(statuses).contains("test.nodes.too_many_placed=fail", "test.nodes.not_null_orders_note=warn",
                "model.nodes.orders=success", "seed.nodes.people=success");
    }

    @Test
    void docsBlocksExposuresAndAnalysesInTheManifest() {
        Map<String, String> compiled = project.sluice().compile(project.options().build());
        assertThat(compiled.get("analysis.nodes.revenue"))
                .isEqualTo("select sum(amount) as revenue from \"warehouse\".\"main\".\"orders\"");
        assertThat(Fixture.read(project, "target/compiled/nodes/analyses/revenue.sql"))
                .isEqualTo(compiled.get("analysis.nodes.revenue"));

        JsonNode manifest = Fixture.json(project, "target/manifest.json");
        JsonNode orders = manifest.at("/nodes/model.nodes.orders");
        assertThat(orders.get("description").asText()).isEqualTo("Orders, one row per order.");
        assertThat(orders.at("/columns/status/description").asText()).isEqualTo("The order status.");
        assertThat(orders.at("/depends_on/nodes").toString()).isEqualTo("[\"source.nodes.raw.orders\"]");
        assertThat(manifest.at("/docs").has("doc.nodes.orders_doc")).isTrue();

        JsonNode exposure = manifest.at("/exposures/exposure.nodes.weekly_report");
        assertThat(exposure.at("/owner/email").asText()).isEqualTo("ann@example.com");
        assertThat(exposure.get("description").asText()).isEqualTo("Orders, one row per order.");
        List<String> depends = new java.util.ArrayList<>();
        exposure.at("/depends_on/nodes").forEach(n -> depends.add(n.asText()));
        assertThat(depends).containsExactlyInAnyOrder("model.nodes.orders", "source.nodes.raw.orders");
        assertThat(manifest.at("/child_map/model.nodes.orders").toString()).contains("exposure.nodes.weekly_report");

        JsonNode source = manifest.at("/sources/source.nodes.raw.orders");
        assertThat(source.get("identifier").asText()).isEqualTo("raw_orders");
        assertThat(source.get("schema").asText()).isEqualTo("landing");
        assertThat(source.get("database").asText()).isEqualTo("warehouse");
        assertThat(manifest.at("/macros").has("macro.nodes.test_is_positive")).isTrue();
        assertThat(manifest.at("/macros").has("macro.nodes.test_has_rows")).isTrue();
    }
}
