package dev.sluice.postgres.python;

import static dev.sluice.postgres.python.PgPy.lines;
import static dev.sluice.postgres.python.PgPy.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import dev.sluice.testkit.postgres.SharedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An incremental Python model on PostgreSQL adds only the new rows on its second run; a failure keeps the table. */
class IncrementalTest {
    @RegisterExtension
    static final SharedPostgres PG = new SharedPostgres();

    @TempDir
    Path dir;

    private static final String EVENTS_SQL = """
            {{ config(materialized='table') }}
            select i as id, 'event ' || i as name, timestamp '2024-01-01' + i * interval '1 day' as at
            from generate_series(1, {{ var('upto', 1) }}) i
            """;

    private static final String INCREMENTAL_PY = """
            def model(dbt, session):
                dbt.config(materialized="incremental", unique_key="id")
                if dbt.config.get("explode"):
                    raise RuntimeError("boom")
                events = dbt.ref("events").to_pandas()
                if dbt.is_incremental:
                    seen = session.sql(f"select max(id) as top from {dbt.this}").to_pandas()["top"][0]
                    events = events[events["id"] > seen]
                events["batch"] = dbt.config.get("batch_name")
                events["rows_in_batch"] = len(events)
                return events
            """;

    @Test
    void incrementalPythonModelAddsOnlyNewRowsOnTheSecondRun() {
        String schema = PG.server().freshSchema("pyincr");
        TestProject project = PgPy.project(PG.server(), dir, "incr", schema, 2, Map.of(
                "models/events.sql", EVENTS_SQL,
                "models/events_py.py", INCREMENTAL_PY,
                "models/schema.yml", """
                        version: 2
                        models:
                          - name: events_py
                            config:
                              batch_name: nightly
                            columns:
                              - name: id
                                tests: [unique, not_null]
                        """));
        RunResults first = project.sluice().build(project.options().vars(Map.of("upto", 5)).build());
        assertThat(first.failed()).as(summary(first)).isFalse();
        assertThat(lines(project, "select count(*), max(rows_in_batch), min(batch), max(at)::text"
                + " from {{ ref('events_py') }}")).containsExactly("5|5|nightly|2024-01-06 00:00:00");

        RunResults second = project.sluice().build(project.options().vars(Map.of("upto", 8)).build());
        assertThat(second.failed()).as(summary(second)).isFalse();
        assertThat(lines(project, "select rows_in_batch, count(*), min(id), max(id) from {{ ref('events_py') }}"
                + " group by 1 order by 1")).containsExactly("3|3|6|8", "5|5|1|5");
        assertThat(lines(project, "select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', '"
                + " order by a.attnum) from pg_attribute a where a.attrelid = '" + schema + ".events_py'::regclass"
                + " and a.attnum > 0 and not a.attisdropped"))
                .containsExactly("id integer, name text, at timestamp without time zone, batch text, rows_in_batch bigint");
        assertThat(lines(project, PgPy.leftovers(schema))).containsExactly("0");

        // a failing run leaves the table as it was
        project.write("models/schema.yml", """
                version: 2
                models:
                  - name: events_py
                    config:
                      batch_name: nightly
                      explode: true
                """);
        RunResults failed = project.sluice().run(project.options().vars(Map.of("upto", 10))
                .select(List.of("events_py")).build());
        assertThat(failed.failed()).isTrue();
        assertThat(summary(failed)).contains("boom");
        assertThat(lines(project, "select count(*), max(id) from {{ ref('events_py') }}")).containsExactly("8|8");
        assertThat(lines(project, PgPy.leftovers(schema))).containsExactly("0");
    }
}
