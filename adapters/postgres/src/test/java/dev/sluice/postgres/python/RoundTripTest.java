package dev.sluice.postgres.python;

import static dev.sluice.postgres.python.PgPy.lines;
import static dev.sluice.postgres.python.PgPy.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import dev.sluice.testkit.postgres.SharedPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every PostgreSQL type and edge value goes PostgreSQL -> pandas -> PostgreSQL and comes back as it went in. */
class RoundTripTest {
    @RegisterExtension
    static final SharedPostgres PG = new SharedPostgres();

    @TempDir
    Path dir;

    private static final String SOURCE = """
            {{ config(materialized='table') }}
            select i16, i32, i64, dec18::numeric(18,3) as dec18, dec38::numeric(38,10) as dec38, dbl, flt, flag, day, ts,
                   tstz, tod, txt, "25%", "Mixed Case", num
            from (values
              (1::smallint, 2147483647::integer, (-9223372036854775808)::bigint, 1234567890123.456::numeric(18,3),
               12345678901234567890.0123456789::numeric(38,10), 0.1::float8, 0.1::float4, true, date '0001-01-01',
               timestamp '2024-02-29 23:59:59.999999', timestamptz '2024-01-02 03:04:05.5+00', time '23:59:59.999999',
               'a,b'::text, 7, 'x'::text, 123.4500::numeric),
              ((-32768)::smallint, (-2147483648)::integer, 9223372036854775807::bigint, (-0.001)::numeric(18,3),
               null, 1.7976931348623157e308::float8, (-3.4028235e38)::float4, false, date '9999-12-31',
               timestamp '1970-01-01 00:00:00', null, time '00:00:00',
               'say "hi", twice ""', null, '', -5),
              (0::smallint, 0, 0, 0, (-0.0000000001)::numeric(38,10), 'Infinity'::float8, '-0'::float4, true,
               date '2024-02-29', timestamp '0001-01-01 00:00:00', timestamptz '1969-12-31 23:59:59.999999+00',
               time '12:30:00.5', 'line1' || chr(10) || 'line2' || chr(13) || chr(10) || 'üñí ✓', 3, null, 0),
              (0::smallint, 0, 0, 0, 0, 'NaN'::float8, 1::float4, false, date '1970-01-01',
               timestamp '2300-01-01 00:00:00.000001', timestamptz '2024-01-01 00:00:00+00', time '01:02:03',
               '~tilde, NA, nan, null, \\N', -1, 'NA', 0.5),
              (null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
            ) t(i16, i32, i64, dec18, dec38, dbl, flt, flag, day, ts, tstz, tod, txt, "25%", "Mixed Case", num)
            """;

    /** Every column; NaN comes back as NULL (pandas has one missing value for floats), so the source says so too. */
    private static final String COLUMNS = "i16, i32, i64, dec18, dec38, %s, flt, flag, day, ts, tstz, tod, txt, \"25%%\","
            + " \"Mixed Case\", num";

    @Test
    void everyTypeAndEdgeValueComesBackExactly() {
        String schema = PG.server().freshSchema("pyrt");
        TestProject project = PgPy.project(PG.server(), dir, "roundtrip", schema, 1, Map.of(
                "models/src.sql", SOURCE,
                "models/back.py", """
                        def model(dbt, session):
                            df = dbt.ref("src").to_pandas()
                            return df
                        """));
        RunResults results = project.sluice().build(project.options().build());
        assertThat(results.failed()).as(summary(results)).isFalse();

        assertThat(lines(project, "select count(*) from {{ ref('back') }}")).containsExactly("5");
        String src = "select " + COLUMNS.formatted("nullif(dbl, 'NaN') as dbl") + " from {{ ref('src') }}";
        String back = "select " + COLUMNS.formatted("dbl") + " from {{ ref('back') }}";
        assertThat(lines(project, "select count(*) from (" + src + " except all " + back + ") d")).containsExactly("0");
        assertThat(lines(project, "select count(*) from (" + back + " except all " + src + ") d")).containsExactly("0");

        // exact types: the source's, except that an unconstrained numeric comes back constrained to what its values need
        String types = "select string_agg(a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod), ', '"
                + " order by a.attnum) from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace where n.nspname = '" + schema + "'"
                + " and c.relname = '%s' and a.attnum > 0 and not a.attisdropped";
        String common = "i16 smallint, i32 integer, i64 bigint, dec18 numeric(18,3), dec38 numeric(38,10),"
                + " dbl double precision, flt real, flag boolean, day date, ts timestamp without time zone,"
                + " tstz timestamp with time zone, tod time without time zone, txt text, 25% integer, Mixed Case text,"
                + " num numeric";
        assertThat(lines(project, types.formatted("src"))).containsExactly(common);
        assertThat(lines(project, types.formatted("back"))).containsExactly(common + "(7,4)");

        // values as text too, so -0, infinities, the last microsecond and the NULL/'' split show up exactly
        String text = "select i64::text, dec38::text, dbl::text, flt::text, day::text, ts::text, tstz::text, tod::text,"
                + " coalesce(txt, '<null>'), coalesce(\"Mixed Case\", '<null>'), num::numeric(7,4)::text from %s"
                + " order by i32, i16";
        assertThat(lines(project, text.formatted("{{ ref('back') }}")).toString().replace("|NaN|", "|null|"))
                .isEqualTo(lines(project, text.formatted("{{ ref('src') }}")).toString().replace("|NaN|", "|null|"));
        assertThat(lines(project, "select count(*) filter (where \"Mixed Case\" = ''), count(*) filter (where"
                + " \"Mixed Case\" is null), count(*) filter (where txt is null), count(*) filter (where dbl is null),"
                + " count(*) filter (where dbl = 'NaN') from {{ ref('back') }}")).containsExactly("1|2|1|2|0");
        assertThat(lines(project, "select txt from {{ ref('back') }} where i16 = 0 and i32 = 0 and flag"))
                .containsExactly("line1\nline2\r\nüñí ✓");
        // the unconstrained numeric keeps its values; its scale is now the widest one's
        assertThat(lines(project, "select num::text from {{ ref('back') }} order by num nulls last"))
                .containsExactly("-5.0000", "0.0000", "0.5000", "123.4500", "null");
        assertThat(lines(project, PgPy.leftovers(schema))).containsExactly("0");
    }
}
