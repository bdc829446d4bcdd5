package dev.sluice.core.unittest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.CteInjector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixtureSqlTest {
    private final AnsiDialect dialect = new AnsiDialect();

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void eachRowIsASelectWithEveryColumnCastAndLeftOutColumnsNull() {
        List<TypedColumn> columns = List.of(new TypedColumn("id", "integer"), new TypedColumn("name", "varchar"),
                new TypedColumn("placed_on", "date"));
        String sql = FixtureSql.select(columns, List.of(row("id", 1, "name", "O'Hara"), row("ID", 2, "placed_on",
                "2024-01-31")), dialect);
        assertThat(sql).isEqualTo("""
                select cast(1 as integer) as "id", cast('O''Hara' as varchar) as "name", cast(null as date) as "placed_on"
                union all
                select cast(2 as integer) as "id", cast(null as varchar) as "name", cast('2024-01-31' as date) as "placed_on\"""");
    }

    @Test
    void noRowsKeepTheColumnsAndReturnNothing() {
        assertThat(FixtureSql.select(List.of(new TypedColumn("id", "bigint")), List.of(), dialect))
                .isEqualTo("select cast(null as bigint) as \"id\"\nwhere false");
    }

    @Test
    void fixturesJoinAModelsOwnWithClause() {
        String model = "with base as (select * from __dbt__cte__orders)\nselect id from base";
        String sql = CteInjector.inject(model, List.of(new CompiledNode.InjectedCte("__dbt__cte__orders", "__dbt__cte__orders",
                FixtureSql.select(List.of(new TypedColumn("id", "integer")), List.of(row("id", 5)), dialect))));
        assertThat(sql).isEqualTo("""
                with __dbt__cte__orders as (
                select cast(5 as integer) as "id"
                ),
                base as (select * from __dbt__cte__orders)
                select id from base""");
    }
}
