package dev.sluice.testkit.conformance;

import static dev.sluice.testkit.conformance.ConformanceFiles.PEOPLE_CSV;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.events.Event;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.spi.Capability;
import dev.sluice.testkit.TestProject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * How an invocation behaves: a failing model leaves the relation it would have replaced whole, hooks run in order,
 * independent models run on several threads in dependency order, and fail-fast stops what has not started.
 */
public abstract class ExecutionCases extends TestCases {

    /** Casting a name to a number fails while the statement runs, not while it is planned. */
    private static final String FAILING_AT_RUNTIME = "{{ config(materialized='table') }}\n"
            + "select id, cast(name as integer) as name from {{ ref('people') }}\n";

    @Test
    void failingModelLeavesThePreviousTableUnchanged() {
        String downstream = capabilities().contains(Capability.VIEWS) ? "view" : "table";
        TestProject p = project("failing_model", Map.of(
                "seeds/people.csv", PEOPLE_CSV,
                "models/summary.sql", "{{ config(materialized='table') }}\nselect id, name from {{ ref('people') }}\n",
                "models/downstream.sql", "{{ config(materialized='" + downstream + "') }}\n"
                        + "select count(*) as n from {{ ref('summary') }}\n"));
        assertAllGreen(seed(p));
        assertAllGreen(run(p));
        assertThat(rowCount(p, "summary")).isEqualTo(10);

        for (String broken : List.of(FAILING_AT_RUNTIME, "{{ config(materialized='table') }}\n"
                + "select id, no_such_column from {{ ref('people') }}\n")) {
            p.write("models/summary.sql", broken);
            RunResults results = run(p);
            Map<String, NodeResult> byName = byName(results);
            assertThat(byName.get("summary").status()).isEqualTo(NodeStatus.ERROR);
            assertThat(byName.get("summary").message()).isNotBlank();
            assertThat(byName.get("downstream").status()).isEqualTo(NodeStatus.SKIPPED);
            assertThat(results.failed()).isTrue();

            assertThat(relationType(p, "summary")).isEqualTo("table");
            assertThat(rowCount(p, "summary")).isEqualTo(10);
            assertThat(column(p, "select name from {{ ref('summary') }} where id = 1")).containsExactly("Ada");
            assertThat(relationType(p, "downstream")).isEqualTo(downstream);
            assertThat(column(p, "select n from {{ ref('downstream') }}")).containsExactly("10");
        }
        // nothing is left behind beside the table
        assertThat(relationsBeside(p, "summary")).containsExactlyInAnyOrder("people", "summary", "downstream");
    }

    @Test
    void failingViewLeavesThePreviousViewUnchanged() {
        requires(Capability.VIEWS);
        TestProject p = project("failing_view", Map.of(
                "seeds/people.csv", PEOPLE_CSV,
                "models/people_view.sql", "{{ config(materialized='view') }}\nselect id, name from {{ ref('people') }}\n"));
        assertAllGreen(seed(p));
        assertAllGreen(run(p));

        p.write("models/people_view.sql", "{{ config(materialized='view') }}\n"
                + "select id, no_such_column from {{ ref('people') }}\n");
        RunResults results = run(p);
        assertThat(statuses(results)).containsExactly(Map.entry("people_view", NodeStatus.ERROR));
        assertThat(relationType(p, "people_view")).isEqualTo("view");
        assertThat(rowCount(p, "people_view")).isEqualTo(10);
    }

    @Test
    void hooksRunAroundModelsAndTheInvocation() {
        String audit = "{{ target.schema }}.audit";
        String next = "(select count(*) + 1 from " + audit + ")";
        String projectYaml = "on-run-start:\n"
                + "  - \"create table if not exists " + audit + " (seq integer, event varchar(40), detail varchar(200))\"\n"
                + "  - \"insert into " + audit + " select " + next + ", 'run start', '{{ target.name }}'\"\n"
                + "on-run-end:\n"
                + "  - \"insert into " + audit + " select " + next + ", 'run end', "
                + "'{{ results | map(attribute='status') | join(',') }}'\"\n";
        TestProject p = project("hooks", projectYaml, Map.of(
                "seeds/people.csv", PEOPLE_CSV,
                "models/hooked.sql", "{{ config(\n    materialized='table',\n"
                        + "    pre_hook=\"insert into " + audit + " select " + next + ", 'pre', '{{ this.identifier }}'\",\n"
                        + "    post_hook=[\"insert into " + audit + " select " + next + ", 'post', "
                        + "cast(count(*) as varchar(40)) from {{ this }}\"]\n) }}\n"
                        + "select id from {{ ref('people') }}\n"));

        RunResults results = build(p);
        assertAllGreen(results);
        assertThat(results.results()).hasSize(2);
        List<List<Object>> rows = query(p, "select seq, event, detail from " + audit + " order by seq").rows();
        assertThat(rows.stream().map(r -> r.get(1) + "=" + r.get(2)).toList()).containsExactly(
                "run start=dev", "pre=hooked", "post=10", "run end=success,success");
        assertThat(rows.stream().map(r -> ((Number) r.get(0)).intValue()).toList()).containsExactly(1, 2, 3, 4);
        List<String> hooks = p.events().events().stream().filter(e -> e instanceof Event.HookFinished)
                .map(e -> ((Event.HookFinished) e).name()).toList();
        assertThat(hooks).containsExactly("hooks-on-run-start-0", "hooks-on-run-start-1", "hooks-on-run-end-0");
    }

    @Test
    void independentModelsRunOnFourThreadsInDependencyOrder() {
        requires(Capability.CONCURRENT_CONNECTIONS);
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            files.put("models/solo_" + i + ".sql", "{{ config(materialized='table') }}\nselect " + i + " as id\n");
        }
        files.put("models/root.sql", "{{ config(materialized='table') }}\nselect 1 as id\n");
        files.put("models/branch_a.sql", "{{ config(materialized='table') }}\nselect id from {{ ref('root') }}\n");
        files.put("models/branch_b.sql", "{{ config(materialized='table') }}\nselect id + 1 as id from {{ ref('root') }}\n");
        files.put("models/joined.sql", "{{ config(materialized='table') }}\nselect id from {{ ref('branch_a') }}\n"
                + "union all\nselect id from {{ ref('branch_b') }}\n");
        TestProject p = project("threads", files);

        RunResults results = run(p, o -> o.threads(4));
        assertAllGreen(results);
        assertThat(results.results()).hasSize(12);
        Set<String> threads = results.results().stream().map(NodeResult::threadId).collect(Collectors.toSet());
        assertThat(threads).isNotEmpty().hasSizeLessThanOrEqualTo(4);
        assertThat(p.events().events()).filteredOn(e -> e instanceof Event.RunStarted)
                .singleElement().satisfies(e -> assertThat(((Event.RunStarted) e).threads()).isEqualTo(4));

        Map<String, NodeResult> byName = byName(results);
        for (String branch : List.of("branch_a", "branch_b")) {
            assertThat(byName.get(branch).startedAt()).isAfterOrEqualTo(byName.get("root").completedAt());
            assertThat(byName.get("joined").startedAt()).isAfterOrEqualTo(byName.get(branch).completedAt());
        }
        assertThat(column(p, "select id from {{ ref('joined') }} order by id")).containsExactly("1", "2");
        for (int i = 1; i <= 8; i++) {
            assertThat(column(p, "select id from {{ ref('solo_" + i + "') }}")).containsExactly(String.valueOf(i));
        }
    }

    @Test
    void failFastSkipsWhatHasNotStarted() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("models/a_boom.sql", "{{ config(materialized='table') }}\nselect cast('not a number' as integer) as id\n");
        for (String name : List.of("b_one", "c_two", "d_three", "e_four")) {
            files.put("models/" + name + ".sql", "{{ config(materialized='table') }}\nselect 1 as id\n");
        }
        TestProject p = project("fail_fast", files);

        RunResults fast = run(p, o -> o.failFast(true).threads(1));
        Map<String, NodeResult> byName = byName(fast);
        assertThat(byName).containsOnlyKeys("a_boom", "b_one", "c_two", "d_three", "e_four");
        NodeResult boom = byName.get("a_boom");
        assertThat(boom.status()).isEqualTo(NodeStatus.ERROR);
        assertThat(fast.count(NodeStatus.ERROR)).isEqualTo(1);
        assertThat(fast.count(NodeStatus.SKIPPED)).isGreaterThanOrEqualTo(1);
        for (NodeResult result : fast.results()) {
            if (result.status() == NodeStatus.SUCCESS) {
                assertThat(result.startedAt()).as(result.uniqueId() + " started before the failure ended")
                        .isBeforeOrEqualTo(boom.completedAt());
            } else if (result.status() == NodeStatus.SKIPPED) {
                assertThat(relationType(p, nameOf(result))).as(nameOf(result)).isEqualTo("none");
            }
        }

        // without fail-fast the independent models all run
        RunResults slow = run(p, o -> o.threads(1));
        assertThat(statuses(slow)).containsOnly(Map.entry("a_boom", NodeStatus.ERROR),
                Map.entry("b_one", NodeStatus.SUCCESS), Map.entry("c_two", NodeStatus.SUCCESS),
                Map.entry("d_three", NodeStatus.SUCCESS), Map.entry("e_four", NodeStatus.SUCCESS));
    }

    /** Names of the relations in the schema of relation {@code identifier}, lower case. */
    private static List<String> relationsBeside(TestProject p, String identifier) {
        String names = p.sluice().runOperation(p.options().build(), "conformance_relations_beside",
                Map.of("identifier", identifier));
        return names.isBlank() ? List.of() : List.of(names.strip().toLowerCase(java.util.Locale.ROOT).split(","));
    }
}
