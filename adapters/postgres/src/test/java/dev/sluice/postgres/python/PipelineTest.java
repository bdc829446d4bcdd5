package dev.sluice.postgres.python;

import static dev.sluice.postgres.python.PgPy.lines;
import static dev.sluice.postgres.python.PgPy.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import dev.sluice.testkit.postgres.SharedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SQL -> Python (pandas groupby) -> SQL on PostgreSQL, checked against the same pandas code run directly. */
class PipelineTest {
    @RegisterExtension
    static final SharedPostgres PG = new SharedPostgres();

    @TempDir
    Path dir;

    private static final String OBSERVATIONS_SQL = """
            {{ config(materialized='table') }}
            select i as id, i % 5 as grp, 'group ' || (i % 5) as label,
                   ((i * 37) % 101)::float8 / 10 as x1, (((i * 53) % 89) / 10.0)::numeric(6,1) as x2
            from generate_series(1, 400) i
            """;
    private static final String OBSERVATIONS_PY = """
            import decimal
            import pandas as pd
            ids = list(range(1, 401))
            obs = pd.DataFrame({"id": ids, "grp": [i % 5 for i in ids], "label": ["group %d" % (i % 5) for i in ids],
                                "x1": [((i * 37) % 101) / 10 for i in ids]})
            """;

    @Test
    void sqlPythonSqlPipelineMatchesPandasRunDirectly() throws Exception {
        String schema = PG.server().freshSchema("pypipe");
        TestProject project = PgPy.project(PG.server(), dir, "pipeline", schema, 4, Map.of(
                "models/observations.sql", OBSERVATIONS_SQL,
                "models/group_stats.py", """
                        def model(dbt, session):
                            dbt.config(materialized="table")
                            obs = dbt.ref("observations").to_pandas()
                            stats = obs.groupby(["grp", "label"])["x1"].describe().reset_index()
                            sums = obs.groupby("grp")["x2"].sum().reset_index().rename(columns={"x2": "x2_sum"})
                            return stats.merge(sums, on="grp")
                        """,
                "models/summary.sql", """
                        {{ config(materialized='table') }}
                        select count(*) as groups, sum("count") as observations, max("max") as top,
                               string_agg(label, ',' order by grp) as labels, sum(x2_sum) as x2_total
                        from {{ ref('group_stats') }}
                        """,
                "models/schema.yml", """
                        version: 2
                        models:
                          - name: group_stats
                            columns:
                              - name: grp
                                tests: [unique, not_null]
                              - name: mean
                                tests: [not_null]
                        """));
        RunResults results = project.sluice().build(project.options().build());
        assertThat(results.failed()).as(summary(results)).isFalse();
        assertThat(results.results()).allSatisfy(r -> assertThat(r.status()).isIn(NodeStatus.SUCCESS, NodeStatus.PASS));
        assertThat(results.results().stream().filter(r -> r.uniqueId().startsWith("test.")).count()).isEqualTo(3);

        JsonNode expected = new ObjectMapper().readTree(PgPy.python(dir, OBSERVATIONS_PY + """
                import json
                stats = obs.groupby(["grp", "label"])["x1"].describe().reset_index()
                print(json.dumps([[repr(v) for v in row] for row in stats.itertuples(index=False)]))
                """));
        List<List<Object>> stats = project.sluice().show(project.options().build(), "select grp, label, \"count\","
                + " mean, std, \"min\", \"25%\", \"50%\", \"75%\", \"max\" from {{ ref('group_stats') }} order by grp",
                -1).preview().rows();
        assertThat(stats).hasSize(5);
        for (int g = 0; g < 5; g++) {
            JsonNode row = expected.get(g);
            assertThat(((Number) stats.get(g).get(0)).longValue()).isEqualTo(g);
            assertThat(stats.get(g).get(1)).isEqualTo("group " + g);
            for (int c = 2; c < 10; c++) {
                assertThat(((Number) stats.get(g).get(c)).doubleValue()).as("group %d column %d", g, c)
                        .isEqualTo(Double.parseDouble(row.get(c).asText()));
            }
        }
        // pandas' groupby widens the int4 key to int64; sums of a numeric column stay exact (Decimal in pandas)
        assertThat(lines(project, "select format_type(a.atttypid, a.atttypmod) from pg_attribute a"
                + " where a.attrelid = '" + schema + ".group_stats'::regclass and a.attname in ('grp', 'label', 'x2_sum')"
                + " order by a.attnum")).containsExactly("bigint", "text", "numeric(18,1)");
        assertThat(lines(project, "select groups, observations, top, labels,"
                + " x2_total::text = (select sum(x2)::text from {{ ref('observations') }}) from {{ ref('summary') }}"))
                .containsExactly("5|400.0|10.0|group 0,group 1,group 2,group 3,group 4|true");
        assertThat(lines(project, PgPy.leftovers(schema))).containsExactly("0");
    }
}
