package dev.sluice.duckdb.engine;

import static dev.sluice.duckdb.engine.Fixture.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.events.Event;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DAG runner on real DuckDB: order, threads, skipping descendants of failures, fail-fast, cycles. */
class ExecutionTest {
    @TempDir
    Path dir;

    /** a -> b -> c, a -> d, and independent i1..i6. */
    private TestProject project(String aSql) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("models/a.sql", aSql);
        files.put("models/b.sql", "select n + 1 as n from {{ ref('a') }}");
        files.put("models/c.sql", "select n + 1 as n from {{ ref('b') }}");
        files.put("models/d.sql", "select n * 2 as n from {{ ref('a') }}");
        for (int i = 1; i <= 6; i++) {
            files.put("models/i" + i + ".sql", "{{ config(materialized='table') }} select count(*) as n from range(200000)");
        }
        return Fixture.project(dir, "exec", "", files);
    }

    @Test
    void childrenStartOnlyAfterTheirParentsFinishOnFourThreads() {
        TestProject project = project("select 1 as n");
        RunResults results = project.sluice().run(project.options().threads(4).build());
        assertThat(results.failed()).as(summary(results)).isFalse();
        assertThat(results.results()).hasSize(10);

        List<String> order = new ArrayList<>();
        for (Event event : project.events().events()) {
            if (event instanceof Event.NodeStarted s) {
                order.add("start " + s.uniqueId());
            } else if (event instanceof Event.NodeFinished f) {
                order.add("end " + f.result().uniqueId());
            }
        }
        for (String[] edge : new String[][] {{"a", "b"}, {"b", "c"}, {"a", "d"}}) {
            assertThat(order.indexOf("end model.exec." + edge[0]))
                    .as(edge[0] + " finishes before " + edge[1] + " starts: " + order)
                    .isLessThan(order.indexOf("start model.exec." + edge[1]));
        }
        Set<String> threads = results.results().stream().map(NodeResult::threadId).collect(Collectors.toSet());
        assertThat(threads).containsExactlyInAnyOrder("Thread-1", "Thread-2", "Thread-3", "Thread-4");
        assertThat(project.events().events()).filteredOn(e -> e instanceof Event.RunStarted)
                .singleElement().satisfies(e -> assertThat(((Event.RunStarted) e).threads()).isEqualTo(4));
        assertThat(Fixture.lines(project, "select n from {{ ref('c') }}")).containsExactly("3");
    }

    @Test
    void descendantsOfAFailureAreSkippedAndTheRestRuns() {
        TestProject project = project("select n from missing_table");
        RunResults results = project.sluice().run(project.options().threads(4).build());
        assertThat(results.failed()).isTrue();
        NodeResult a = Fixture.result(results, "model.exec.a");
        assertThat(a.status()).isEqualTo(NodeStatus.ERROR);
        assertThat(a.message()).contains("Database Error in model exec.a").contains("missing_table");
        for (String skipped : List.of("b", "c", "d")) {
            NodeResult result = Fixture.result(results, "model.exec." + skipped);
            assertThat(result.status()).as(skipped).isEqualTo(NodeStatus.SKIPPED);
            assertThat(result.message()).as(skipped).contains("model.exec.a");
        }
        for (int i = 1; i <= 6; i++) {
            assertThat(Fixture.result(results, "model.exec.i" + i).status()).isEqualTo(NodeStatus.SUCCESS);
        }
        JsonNode runResults = Fixture.json(project, "target/run_results.json");
        Map<String, String> statuses = new LinkedHashMap<>();
        runResults.get("results").forEach(r -> statuses.put(r.get("unique_id").asText(), r.get("status").asText()));
        assertThat(statuses).containsEntry("model.exec.a", "error").containsEntry("model.exec.c", "skipped")
                .containsEntry("model.exec.i1", "success").hasSize(10);
    }

    @Test
    void failFastStopsEverythingNotYetStarted() {
        TestProject project = project("select n from missing_table");
        RunResults results = project.sluice().run(project.options().threads(1).failFast(true).build());
        assertThat(results.results()).hasSize(10);
        NodeResult a = Fixture.result(results, "model.exec.a");
        assertThat(a.status()).isEqualTo(NodeStatus.ERROR);
        List<NodeResult> ranLater = results.results().stream()
                .filter(r -> r.status() == NodeStatus.SUCCESS && r.startedAt().isAfter(a.completedAt())).toList();
        assertThat(ranLater).isEmpty();
        assertThat(results.results()).filteredOn(r -> r.status() == NodeStatus.SKIPPED)
                .anyMatch(r -> r.message().equals("Skipping due to fail_fast"));
        assertThat(results.results()).filteredOn(r -> r.status() == NodeStatus.SKIPPED)
                .extracting(NodeResult::uniqueId).contains("model.exec.b", "model.exec.c", "model.exec.d");
    }

    @Test
    void aCycleIsAnErrorNamingItsNodes() {
        TestProject project = Fixture.project(dir, "exec", "", Map.of(
                "models/x.sql", "select * from {{ ref('y') }}",
                "models/y.sql", "select * from {{ ref('z') }}",
                "models/z.sql", "select * from {{ ref('x') }}",
                "models/free.sql", "select 1 as n"));
        assertThatThrownBy(() -> project.sluice().run(project.options().build()))
                .isInstanceOf(SluiceException.class)
                .satisfies(e -> assertThat(((SluiceException) e).describe()).containsIgnoringCase("cycle")
                        .contains("model.exec.x").contains("model.exec.y").contains("model.exec.z")
                        .doesNotContain("model.exec.free"));
    }
}
