package dev.sluice.core.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CteInjectorTest {
    private static final CompiledNode.InjectedCte BASE =
            new CompiledNode.InjectedCte("model.p.base", "__dbt__cte__base", "select 1 as n\n");

    @Test
    void cteCarriesTheUniqueIdAndInjectsUnderItsName() {
        assertThat(BASE.definition()).isEqualTo("__dbt__cte__base as (\nselect 1 as n\n)");
        assertThat(CteInjector.inject("select * from __dbt__cte__base", List.of(BASE)))
                .isEqualTo("with __dbt__cte__base as (\nselect 1 as n\n)\nselect * from __dbt__cte__base");
    }

    @Test
    void mergesIntoTheQuerysOwnLeadingWith() {
        assertThat(CteInjector.inject("-- note\nWITH mine as (select n from __dbt__cte__base) select * from mine",
                List.of(BASE)))
                .isEqualTo("-- note\nwith __dbt__cte__base as (\nselect 1 as n\n),\nmine as (select n from "
                        + "__dbt__cte__base) select * from mine");
    }
}
