package dev.sluice.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import dev.sluice.testkit.postgres.SharedPostgres;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The dbt cross-database macros, dispatched to postgres__ where PostgreSQL differs, evaluated by a real server. */
class CrossDbMacrosTest {
    @RegisterExtension
    static final SharedPostgres PG = new SharedPostgres();

    @TempDir
    Path dir;

    @Test
    void everyMacroGivesWhatDbtDocuments() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("dbt.dateadd('day', 3, \"date '2024-01-30'\")", "2024-02-02T00:00");
        cases.put("dbt.dateadd('quarter', 1, \"date '2024-01-31'\")", "2024-04-30T00:00");
        cases.put("dbt.dateadd('hour', -2, \"timestamp '2024-01-01 01:00:00'\")", "2023-12-31T23:00");
        cases.put("dbt.datediff(\"date '2023-12-31'\", \"date '2024-01-01'\", 'year')", "1");
        cases.put("dbt.datediff(\"date '2024-01-15'\", \"date '2024-04-01'\", 'quarter')", "1");
        cases.put("dbt.datediff(\"date '2024-01-31'\", \"date '2024-03-01'\", 'month')", "2");
        cases.put("dbt.datediff(\"date '2024-01-06'\", \"date '2024-01-08'\", 'week')", "1");
        cases.put("dbt.datediff(\"date '2024-01-01'\", \"date '2024-03-01'\", 'day')", "60");
        cases.put("dbt.datediff(\"timestamp '2024-01-01 10:59:00'\", \"timestamp '2024-01-01 11:01:00'\", 'hour')", "1");
        cases.put("dbt.datediff(\"timestamp '2024-01-01 10:00:00'\", \"timestamp '2024-01-01 09:30:00'\", 'minute')", "-30");
        cases.put("dbt.datediff(\"timestamp '2024-01-01 10:00:00'\", \"timestamp '2024-01-01 10:00:02.5'\", 'second')", "2");
        cases.put("dbt.date_trunc('month', \"timestamp '2024-02-17 10:00:00'\")", "2024-02-01T00:00");
        cases.put("dbt.last_day(\"date '2024-02-10'\", 'month')", "2024-02-29");
        cases.put("dbt.date(2024, 3, 9)", "2024-03-09");
        cases.put("dbt.hash(\"'abc'\")", "900150983cd24fb0d6963f7d28e17f72");
        cases.put("dbt.concat([\"'a'\", \"'b'\", \"'c'\"])", "abc");
        cases.put("dbt.safe_cast(\"'42'\", dbt.type_int())", "42");
        cases.put("dbt.cast(\"'2.5'\", dbt.type_float())", "2.5");
        cases.put("dbt.split_part(\"'a,b,c'\", \"','\", 2)", "b");
        cases.put("dbt.split_part(\"'a,b,c'\", \"','\", -1)", "c");
        cases.put("dbt.length(\"'abcd'\")", "4");
        cases.put("dbt.position(\"'c'\", \"'abcd'\")", "3");
        cases.put("dbt.replace(\"'abab'\", \"'a'\", \"'x'\")", "xbxb");
        cases.put("dbt.right(\"'abcd'\", 2)", "cd");
        cases.put("dbt.string_literal('it')", "it");
        cases.put("dbt.cast_bool_to_text('true')", "true");
        cases.put("'x' ~ dbt.type_string() ~ dbt.type_bigint() ~ dbt.type_numeric() ~ dbt.type_boolean() ~ dbt.type_timestamp()",
                null);
        StringBuilder sql = new StringBuilder("select\n");
        int i = 0;
        for (String macro : cases.keySet()) {
            if (cases.get(macro) == null) {
                continue;
            }
            sql.append(i == 0 ? "  " : ", ").append("{{ ").append(macro).append(" }} as c").append(i++).append('\n');
        }
        sql.append(", cast(null as {{ dbt.type_string() }}) as s, cast(1 as {{ dbt.type_bigint() }}) as b,"
                + " cast(1.5 as {{ dbt.type_numeric() }}) as n, cast(true as {{ dbt.type_boolean() }}) as t,"
                + " cast('2024-01-01' as {{ dbt.type_timestamp() }}) as ts, {{ dbt.current_timestamp() }} as now\n");
        TestProject p = TestProject.at(dir)
                .write("dbt_project.yml", "name: xdb\nprofile: xdb\n")
                .write("profiles.yml", PG.server().profileYaml("xdb", PG.server().freshSchema("xdb"), 1))
                .write("models/macros.sql", "{{ config(materialized='table') }}\n" + sql)
                .write("models/aggregates.sql", "{{ config(materialized='table') }}\n"
                        + "select {{ dbt.listagg('v', \"'-'\", 'order by v desc', 2) }} as top_two,\n"
                        + "  {{ dbt.listagg('v', \"','\", 'order by v') }} as all_of_them,\n"
                        + "  {{ dbt.any_value('v') }} is not null as some, {{ dbt.bool_or('v > \\'b\\'') }} as any_big,\n"
                        + "  {{ dbt.array_construct(['1', '2']) }} = {{ dbt.array_concat(dbt.array_construct(['1']), "
                        + "dbt.array_construct(['2'])) }} as arrays, cardinality({{ dbt.array_construct([]) }}) as none,\n"
                        + "  {{ dbt.array_append(dbt.array_construct(['1']), '2') }} = array[1, 2] as appended\n"
                        + "from (values ('a'), ('b'), ('c')) as t(v)\n");
        RunResults results = p.sluice().run(p.options().build());
        assertThat(results.results()).allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(NodeStatus.SUCCESS));

        List<Object> row = p.sluice().show(p.options().build(), "select * from {{ ref('macros') }}", -1).preview()
                .rows().get(0);
        int column = 0;
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            if (entry.getValue() != null) {
                assertThat(String.valueOf(row.get(column++))).as(entry.getKey()).isEqualTo(entry.getValue());
            }
        }
        assertThat(row.get(row.size() - 1)).isNotNull();
        List<Object> aggregates = p.sluice().show(p.options().build(), "select * from {{ ref('aggregates') }}", -1)
                .preview().rows().get(0);
        assertThat(aggregates).containsExactly("c-b", "a,b,c", true, true, true, 0, true);
    }
}
