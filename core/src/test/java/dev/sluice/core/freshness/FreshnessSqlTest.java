package dev.sluice.core.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreshnessSqlTest {

    @Test
    void selectsMaxLoadedAtAndTheWarehouseClock() {
        assertThat(FreshnessSql.query("\"db\".\"raw\".\"orders\"", "_etl_loaded_at", null)).isEqualTo("""
                select
                  max(_etl_loaded_at) as max_loaded_at,
                  current_timestamp as snapshotted_at
                from "db"."raw"."orders\"""");
    }

    @Test
    void aFilterBecomesTheWhereClauseAndExpressionsPassThrough() {
        assertThat(FreshnessSql.query("raw.events", "convert_timezone('UTC', loaded_at)",
                "  datediff('day', loaded_at, current_timestamp) < 2\n")).isEqualTo("""
                select
                  max(convert_timezone('UTC', loaded_at)) as max_loaded_at,
                  current_timestamp as snapshotted_at
                from raw.events
                where datediff('day', loaded_at, current_timestamp) < 2""");
    }
}
