package dev.sluice.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.spi.Capability;
import dev.sluice.testkit.TestProject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Materializations that keep state between runs, after dbt's incremental and snapshot adapter cases: append, merge and
 * delete+insert with a unique key, a new column with {@code on_schema_change}, a full refresh, and snapshots with the
 * timestamp and check strategies (10 -> 20 -> 30 rows as rows are added and then changed).
 */
public abstract class IncrementalCases extends ExecutionCases {

    /** {@code id,value} rows {@code from..to}, each value {@code prefix + id}. */
    private static String rows(int from, int to, String prefix) {
        return "id,value\n" + IntStream.rangeClosed(from, to).mapToObj(i -> i + "," + prefix + i)
                .collect(Collectors.joining("\n")) + "\n";
    }

    private TestProject incremental(String name, String config) {
        return project(name, Map.of(
                "seeds/base.csv", rows(1, 10, "a"),
                "models/events.sql", "{{ config(materialized='incremental'" + config + ") }}\n"
                        + "select * from {{ ref('base') }}\n"
                        + "{% if is_incremental() %} where id > (select max(id) from {{ this }}) - 5 {% endif %}\n"));
    }

    private static List<String> values(TestProject p) {
        return column(p, "select value from {{ ref('events') }} order by id, value");
    }

    @Test
    void incrementalAppendAddsOnlyTheNewRows() {
        TestProject p = incremental("incremental_append", "");
        assertAllGreen(build(p));
        assertThat(rowCount(p, "events")).isEqualTo(10);
        p.write("seeds/base.csv", rows(1, 20, "b"));
        RunResults second = build(p);
        assertAllGreen(second);
        assertThat(relationType(p, "events")).isEqualTo("table");
        // rows 6..10 come again (the model looks back five ids): append keeps both copies
        assertThat(rowCount(p, "events")).isEqualTo(25);
        assertThat(column(p, "select count(*) from {{ ref('events') }} where value like 'b%'")).containsExactly("15");
        assertThat(relationsBeside(p)).containsExactlyInAnyOrder("base", "events");
    }

    @Test
    void incrementalMergeUpdatesMatchedRowsAndInsertsNewOnes() {
        requires(Capability.MERGE);
        TestProject p = incremental("incremental_merge", ", incremental_strategy='merge', unique_key='id'");
        assertAllGreen(build(p));
        p.write("seeds/base.csv", rows(1, 20, "b"));
        assertAllGreen(build(p));
        assertThat(rowCount(p, "events")).isEqualTo(20);
        List<String> values = values(p);
        assertThat(values.subList(0, 5)).containsExactly("a1", "a2", "a3", "a4", "a5");
        assertThat(values.subList(5, 20)).allMatch(v -> v.startsWith("b"));
    }

    @Test
    void incrementalDeleteInsertReplacesRowsByKey() {
        TestProject p = incremental("incremental_delete_insert",
                ", incremental_strategy='delete+insert', unique_key=['id']");
        assertAllGreen(build(p));
        p.write("seeds/base.csv", rows(1, 20, "b"));
        assertAllGreen(build(p));
        assertThat(rowCount(p, "events")).isEqualTo(20);
        assertThat(column(p, "select count(*) from {{ ref('events') }} where value like 'b%'")).containsExactly("15");
        assertThat(column(p, "select count(distinct id) from {{ ref('events') }}")).containsExactly("20");
    }

    @Test
    void incrementalNewColumnsAndFullRefresh() {
        TestProject p = incremental("incremental_schema_change",
                ", unique_key='id', on_schema_change='append_new_columns'");
        assertAllGreen(build(p));
        p.write("seeds/base.csv", rows(1, 15, "b"));
        p.write("models/events.sql", "{{ config(materialized='incremental', unique_key='id', "
                + "on_schema_change='append_new_columns') }}\n"
                + "select id, value, upper(value) as shout from {{ ref('base') }}\n"
                + "{% if is_incremental() %} where id > (select max(id) from {{ this }}) {% endif %}\n");
        assertAllGreen(build(p));
        assertThat(query(p, "select * from {{ ref('events') }}").columnNames()).map(String::toLowerCase)
                .containsExactly("id", "value", "shout");
        assertThat(column(p, "select count(*) from {{ ref('events') }} where shout is null")).containsExactly("10");
        assertThat(column(p, "select shout from {{ ref('events') }} where id = 15")).containsExactly("B15");

        RunResults refreshed = run(p, o -> o.fullRefresh(true));
        assertThat(statuses(refreshed)).containsExactly(Map.entry("events", NodeStatus.SUCCESS));
        assertThat(column(p, "select count(*) from {{ ref('events') }} where shout is null")).containsExactly("0");
        assertThat(rowCount(p, "events")).isEqualTo(15);
    }

    /** People 1..n; those up to {@code changedUpTo} renamed, with a later updated_at. */
    private static String people(int n, int changedUpTo) {
        return "id,name,updated_at\n" + IntStream.rangeClosed(1, n).mapToObj(i -> i + ","
                + (i <= changedUpTo ? "renamed" : "name") + i + "," + (i <= changedUpTo ? "2024-02-01 00:00:00"
                : "2024-01-01 00:00:00")).collect(Collectors.joining("\n")) + "\n";
    }

    private void snapshotHistory(String name, String config) {
        TestProject p = project(name, Map.of(
                "seeds/people.csv", people(10, 0),
                "snapshots/people_snapshot.sql", "{% snapshot people_snapshot %}\n{{ config(target_schema=target.schema, "
                        + config + ") }}\nselect * from {{ ref('people') }}\n{% endsnapshot %}\n"));
        assertAllGreen(build(p));
        assertThat(rowCount(p, "people_snapshot")).isEqualTo(10);
        p.write("seeds/people.csv", people(20, 0));
        assertAllGreen(build(p));
        assertThat(rowCount(p, "people_snapshot")).isEqualTo(20);
        p.write("seeds/people.csv", people(20, 10));
        assertAllGreen(build(p));
        assertThat(rowCount(p, "people_snapshot")).isEqualTo(30);
        assertThat(column(p, "select count(*) from {{ ref('people_snapshot') }} where dbt_valid_to is null"))
                .containsExactly("20");
        assertThat(column(p, "select count(*) from {{ ref('people_snapshot') }} where dbt_valid_to is null"
                + " and name like 'renamed%'")).containsExactly("10");
        assertThat(column(p, "select count(distinct dbt_scd_id) from {{ ref('people_snapshot') }}"))
                .containsExactly("30");
        assertThat(relationsBeside(p)).containsExactlyInAnyOrder("people", "people_snapshot");
    }

    @Test
    void snapshotTimestampStrategyKeepsHistory() {
        snapshotHistory("snapshot_timestamp", "unique_key='id', strategy='timestamp', updated_at='updated_at'");
    }

    @Test
    void snapshotCheckStrategyKeepsHistory() {
        snapshotHistory("snapshot_check", "unique_key='id', strategy='check', check_cols=['name']");
    }

    private List<String> relationsBeside(TestProject p) {
        String anchor = p.dir().resolve("seeds/base.csv").toFile().exists() ? "base" : "people";
        String names = p.sluice().runOperation(p.options().build(), "conformance_relations_beside",
                Map.of("identifier", anchor));
        return names.isBlank() ? List.of() : List.of(names.strip().toLowerCase(java.util.Locale.ROOT).split(","));
    }
}
