package dev.sluice.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.spi.Capability;
import dev.sluice.testkit.TestProject;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The stateful materializations with the row counts dbt's adapter suite expects: an incremental model follows its
 * source from 10 to 20 rows; timestamp and check snapshots go 10, 20, 30 as rows are added and then updated, and a
 * {@code check_cols='all'} snapshot reaches 40 when a column the others ignore changes in ten rows; sync_all_columns
 * survives a schema change; an unknown strategy fails with its name (on the first run already, where dbt would wait
 * for the second: a typo is better reported before any data depends on it).
 */
public abstract class StatefulCases extends ExecutionCases {

    /** Rows 1..n of (id, name, city, updated_at); rows up to {@code renamed} have a new name and a later updated_at. */
    private static String people(int n, int renamed, String city) {
        return people(n, renamed, city, 0);
    }

    /** As above; rows up to {@code moved} live in bergen, a change only a check of all columns sees. */
    private static String people(int n, int renamed, String city, int moved) {
        return "id,name,city,updated_at\n" + IntStream.rangeClosed(1, n).mapToObj(i -> i + ","
                + (i <= renamed ? "renamed_" : "name_") + i + "," + (i <= moved ? "bergen" : city) + "," + (i <= renamed
                ? "2024-02-01 00:00:00" : "2024-01-01 00:00:00")).collect(Collectors.joining("\n")) + "\n";
    }

    private static NodeResult result(RunResults results, String name) {
        return only(results, "." + name);
    }

    @Test
    void incrementalModelFollowsItsSourceFromTenToTwentyRows() {
        TestProject p = project("incremental_basic", Map.of(
                "seeds/base.csv", people(10, 0, "oslo"),
                "models/incremental.sql", """
                        {{ config(materialized='incremental', unique_key='id') }}
                        select * from {{ ref('base') }}
                        {% if is_incremental() %} where id > (select max(id) from {{ this }}) {% endif %}
                        """));
        assertAllGreen(build(p));
        assertThat(rowCount(p, "incremental")).isEqualTo(10);
        p.write("seeds/base.csv", people(20, 0, "oslo"));
        assertAllGreen(build(p));
        assertThat(rowCount(p, "incremental")).isEqualTo(20);
        assertThat(relationType(p, "incremental")).isEqualTo("table");
    }

    @Test
    void mergeAndDeleteInsertUpsertOnTheUniqueKey() {
        requires(Capability.MERGE);
        TestProject p = project("incremental_upsert", Map.of(
                "seeds/base.csv", people(10, 0, "oslo"),
                "models/merged.sql", "{{ config(materialized='incremental', incremental_strategy='merge', "
                        + "unique_key='id') }}\nselect * from {{ ref('base') }}\n",
                "models/replaced.sql", "{{ config(materialized='incremental', incremental_strategy='delete+insert', "
                        + "unique_key=['id']) }}\nselect * from {{ ref('base') }}\n"));
        assertAllGreen(build(p));
        p.write("seeds/base.csv", people(15, 5, "oslo"));
        assertAllGreen(build(p));
        for (String model : new String[] {"merged", "replaced"}) {
            assertThat(rowCount(p, model)).as(model).isEqualTo(15);
            assertThat(column(p, "select count(*) from {{ ref('" + model + "') }} where name like 'renamed_%'"))
                    .as(model).containsExactly("5");
        }
    }

    @Test
    void syncAllColumnsSurvivesASchemaChange() {
        TestProject p = project("incremental_schema_change", Map.of(
                "seeds/base.csv", people(10, 0, "oslo"),
                "models/evolving.sql", """
                        {{ config(materialized='incremental', unique_key='id', on_schema_change='sync_all_columns') }}
                        select id, {% if var('wide', false) %}city, {% endif %}name from {{ ref('base') }}
                        """));
        assertAllGreen(build(p));
        p.write("seeds/base.csv", people(12, 0, "bergen"));
        assertAllGreen(build(p, o -> o.vars(Map.of("wide", true))));
        assertThat(rowCount(p, "evolving")).isEqualTo(12);
        assertThat(column(p, "select count(*) from {{ ref('evolving') }} where city = 'bergen'")).containsExactly("12");
        assertAllGreen(build(p, o -> o.vars(Map.of("wide", false))));
        assertThat(query(p, "select * from {{ ref('evolving') }}").columnNames()).containsExactly("id", "name");
    }

    @Test
    void anUnknownIncrementalStrategyFailsWithItsName() {
        TestProject p = project("incremental_bad_strategy", Map.of(
                "seeds/base.csv", people(3, 0, "oslo"),
                "models/bad.sql", "{{ config(materialized='incremental', incremental_strategy='upsert') }}\n"
                        + "select * from {{ ref('base') }}\n"));
        RunResults first = build(p);
        NodeResult bad = result(first, "bad");
        assertThat(bad.status()).isEqualTo(NodeStatus.ERROR);
        assertThat(bad.message()).contains("Compilation Error in model incremental_bad_strategy.bad")
                .contains("Invalid incremental strategy provided: upsert");
    }

    @Test
    void snapshotsKeepHistoryAsRowsAreAddedAndUpdated() {
        String snapshots = """
                {% snapshot by_timestamp %}
                {{ config(target_schema=target.schema, unique_key='id', strategy='timestamp', updated_at='updated_at') }}
                select * from {{ ref('people') }}
                {% endsnapshot %}
                {% snapshot by_check_cols %}
                {{ config(target_schema=target.schema, unique_key='id', strategy='check', check_cols=['name']) }}
                select * from {{ ref('people') }}
                {% endsnapshot %}
                {% snapshot by_check_all %}
                {{ config(target_schema=target.schema, unique_key='id', strategy='check', check_cols='all') }}
                select id, name, city from {{ ref('people') }}
                {% endsnapshot %}
                """;
        TestProject p = project("snapshots", Map.of("seeds/people.csv", people(10, 0, "oslo"),
                "snapshots/people.sql", snapshots));
        String[] all = {"by_timestamp", "by_check_cols", "by_check_all"};
        assertAllGreen(build(p));
        for (String snapshot : all) {
            assertThat(rowCount(p, snapshot)).as(snapshot).isEqualTo(10);
        }
        p.write("seeds/people.csv", people(20, 0, "oslo"));
        assertAllGreen(build(p));
        for (String snapshot : all) {
            assertThat(rowCount(p, snapshot)).as(snapshot).isEqualTo(20);
        }
        p.write("seeds/people.csv", people(20, 10, "oslo"));
        assertAllGreen(build(p));
        for (String snapshot : all) {
            assertThat(rowCount(p, snapshot)).as(snapshot).isEqualTo(30);
            assertThat(column(p, "select count(*) from {{ ref('" + snapshot + "') }} where dbt_valid_to is null"))
                    .as(snapshot).containsExactly("20");
        }
        p.write("seeds/people.csv", people(20, 10, "oslo", 10));
        assertAllGreen(build(p));
        assertThat(rowCount(p, "by_timestamp")).isEqualTo(30);
        assertThat(rowCount(p, "by_check_cols")).isEqualTo(30);
        assertThat(rowCount(p, "by_check_all")).isEqualTo(40);
    }
}
