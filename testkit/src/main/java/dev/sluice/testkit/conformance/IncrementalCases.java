package dev.sluice.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Incremental cases beyond {@link StatefulCases}: the append strategy keeps rows that come again (no unique key), a
 * new column with {@code on_schema_change='append_new_columns'} is added and filled only for new rows, a full refresh
 * rebuilds the table whole, and nothing is left beside the relations after incremental runs.
 */
public abstract class IncrementalCases extends StatefulCases {

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

    private List<String> relationsBeside(TestProject p) {
        String names = p.sluice().runOperation(p.options().build(), "conformance_relations_beside",
                Map.of("identifier", "base"));
        return names.isBlank() ? List.of() : List.of(names.strip().toLowerCase(java.util.Locale.ROOT).split(","));
    }
}
