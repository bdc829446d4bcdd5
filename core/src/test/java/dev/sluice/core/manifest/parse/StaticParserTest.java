package dev.sluice.core.manifest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticParserTest {
    @Test
    void readsRefSourceAndConfigCallsInFileOrder() {
        List<StaticParser.Call> calls = StaticParser.parse("""
                {{ config(materialized = 'table', tags=["a", 'b',], enabled=True, batch=-3, note=none) }}
                select * from {{ ref('orders') }} o
                join {{- source("raw", 'payments') -}} p on o.id = p.id
                join {{ ref('pkg', 'customers') }} c using (id)
                """);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("materialized", "table");
        config.put("tags", List.of("a", "b"));
        config.put("enabled", true);
        config.put("batch", -3L);
        config.put("note", null);
        assertThat(calls).containsExactly(
                new StaticParser.Call("config", List.of(), config),
                new StaticParser.Call("ref", List.of("orders"), Map.of()),
                new StaticParser.Call("source", List.of("raw", "payments"), Map.of()),
                new StaticParser.Call("ref", List.of("pkg", "customers"), Map.of()));
    }

    @Test
    void plainSqlHasNoCalls() {
        assertThat(StaticParser.parse("select 1 as id -- no jinja { here }")).isEmpty();
    }

    @Test
    void anythingElseFallsBackToJinja() {
        for (String text : Arrays.asList(
                "{% if true %}select 1{% endif %}",
                "{# a comment #} select * from {{ ref('a') }}",
                "select * from {{ ref('a').identifier }}",
                "select * from {{ ref('a') | lower }}",
                "select * from {{ ref('a', v=2) }}",
                "select * from {{ ref('a', 'b', 'c') }}",
                "select * from {{ ref(name) }}",
                "select * from {{ source('only_one') }}",
                "select * from {{ this }}",
                "select {{ var('x') }}",
                "{{ config(materialized=var('m')) }}",
                "{{ config({'materialized': 'table'}) }}",
                "{{ config(materialized='table' if true else 'view') }}",
                "{{ config(meta={'a': 1}) }}",
                "{{ config(ratio=1.5) }}",
                "{{ config(a='x', a='y') }}",
                "select * from {{ ref('it\\'s') }}",
                "select * from {{ ref('a') ~ 'b' }}",
                "select * from {{ ref('a') }",
                "select * from {{ ref('a')")) {
            assertThat(StaticParser.parse(text)).as(text).isNull();
        }
    }
}
