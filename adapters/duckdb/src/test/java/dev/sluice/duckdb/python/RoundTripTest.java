package dev.sluice.duckdb.python;

import static dev.sluice.duckdb.python.Py.lines;
import static dev.sluice.duckdb.python.Py.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every type and edge value goes DuckDB -> pandas -> DuckDB and comes back as it went in, types included. */
class RoundTripTest {
    @TempDir
    Path dir;

    private static final String SOURCE = """
            {{ config(materialized='table') }}
            select * from (values
              (1::tinyint, (-32768)::smallint, 2147483647::integer, (-9223372036854775808)::bigint,
               18446744073709551615::ubigint, 170141183460469231731687303715884105727::hugeint,
               0.1::double, 0.1::float, 1234567890123.456::decimal(18,3), 12345678901234567890.0123456789::decimal(38,10),
               true, date '0001-01-01', timestamp '2024-02-29 23:59:59.999999', timestamp '1500-06-01 12:00:00',
               timestamptz '2024-01-02 03:04:05.5+00', time '23:59:59.999999',
               'a,b', 7, 1.5::double, 'x', null::boolean),
              ((-128)::tinyint, 32767::smallint, (-2147483648)::integer, 9223372036854775807::bigint,
               0::ubigint, (-170141183460469231731687303715884105728)::hugeint,
               1.7976931348623157e308::double, (-3.4028235e38)::float, (-0.001)::decimal(18,3), null::decimal(38,10),
               false, date '9999-12-31', timestamp '1970-01-01 00:00:00', timestamp '2300-01-01 00:00:00.000001',
               null::timestamptz, time '00:00:00',
               'say "hi", twice ""', null, null::double, '', false),
              (0::tinyint, 0::smallint, 0::integer, 0::bigint, 1::ubigint, 0::hugeint,
               'inf'::double, 5e-324::double::float, 0::decimal(18,3), (-0.0000000001)::decimal(38,10),
               true, date '2024-02-29', timestamp '1677-09-21 00:12:43.145225', timestamp '0001-01-01 00:00:00',
               timestamptz '1969-12-31 23:59:59.999999+00', time '12:30:00.5',
               'line1' || chr(10) || 'line2' || chr(13) || chr(10) || 'üñí ✓', 3, 4.9e-324::double, null, true),
              (0::tinyint, 0::smallint, 0::integer, 0::bigint, 1::ubigint, 0::hugeint,
               (-0.0)::double, 1::float, 0::decimal(18,3), 0::decimal(38,10),
               false, date '1970-01-01', timestamp '2024-01-01', null::timestamp,
               timestamptz '2024-01-01 00:00:00+00', time '01:02:03',
               '~tilde, NA, nan, null, \\N', -1, 123456789.123456789::double, 'NA', null)
            ) t(i8, i16, i32, i64, u64, huge, dbl, flt, dec18, dec38, flag, day, ts, ts_far, tstz, tod,
                text, "25%", "mean value", "Mixed Case", "maybe")
            """;

    @Test
    void everyTypeAndEdgeValueComesBackExactly() {
        TestProject project = Py.project(dir, "roundtrip", 1, Map.of(
                "models/src.sql", SOURCE,
                "models/back.py", """
                        def model(dbt, session):
                            df = dbt.ref("src").to_pandas()
                            return df
                        """));
        RunResults results = project.sluice().build(project.options().build());
        assertThat(results.failed()).as(summary(results)).isFalse();

        assertThat(lines(project, "select count(*) from {{ ref('back') }}")).containsExactly("4");
        assertThat(lines(project, "select count(*) from (select * from {{ ref('src') }} except all"
                + " select * from {{ ref('back') }})")).containsExactly("0");
        assertThat(lines(project, "select count(*) from (select * from {{ ref('back') }} except all"
                + " select * from {{ ref('src') }})")).containsExactly("0");
        String types = "select column_name || ' ' || data_type from information_schema.columns where table_name = '%s'"
                + " order by ordinal_position";
        assertThat(lines(project, types.formatted("back"))).isEqualTo(lines(project, types.formatted("src")))
                .contains("25% INTEGER", "huge HUGEINT", "dec38 DECIMAL(38,10)", "tstz TIMESTAMP WITH TIME ZONE");
        // values compared as text too, so -0.0, infinities and the NULL/'' split show up exactly
        String text = "select i64::varchar, u64::varchar, huge::varchar, dbl::varchar, flt::varchar, dec38::varchar,"
                + " ts_far::varchar, coalesce(text, '<null>'), coalesce(\"Mixed Case\", '<null>') from %s order by i8, i32";
        assertThat(lines(project, text.formatted("{{ ref('back') }}")))
                .isEqualTo(lines(project, text.formatted("{{ ref('src') }}")));
        assertThat(lines(project, "select count(*) filter (where \"Mixed Case\" = ''), count(*) filter (where"
                + " \"Mixed Case\" is null), count(*) filter (where text is null) from {{ ref('back') }}"))
                .containsExactly("1|1|0");
    }

    @Test
    void nanNoneNaTAndPandasNaBecomeNull() {
        TestProject project = Py.project(dir, "nulls", 1, Map.of(
                "models/made.py", """
                        import numpy as np
                        import pandas as pd

                        def model(dbt, session):
                            return pd.DataFrame({
                                "f": [1.5, np.nan, None],
                                "s": ["a", None, np.nan],
                                "i": pd.array([1, None, 3], dtype="Int64"),
                                "t": pd.to_datetime(["2024-01-01", None, "2024-01-03"]),
                                "b": pd.array([True, None, False], dtype="boolean"),
                                "o": [None, 2, 3],
                            })
                        """));
        RunResults results = project.sluice().build(project.options().build());
        assertThat(results.failed()).as(summary(results)).isFalse();
        assertThat(lines(project, "select count(*) filter (where f is null), count(*) filter (where s is null),"
                + " count(*) filter (where i is null), count(*) filter (where t is null),"
                + " count(*) filter (where b is null), count(*) filter (where o is null) from {{ ref('made') }}"))
                .containsExactly("2|2|1|1|1|1");
        String types = "select string_agg(column_name || ' ' || data_type, ', ' order by ordinal_position)"
                + " from information_schema.columns where table_name = 'made'";
        assertThat(lines(project, types)).containsExactly(
                "f DOUBLE, s VARCHAR, i BIGINT, t TIMESTAMP, b BOOLEAN, o DOUBLE");
    }
}
