package dev.sluice.core.unittest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputRefTest {
    @Test
    void readsRefsSourcesAndThis() {
        InputRef ref = InputRef.parse(" ref('stg_orders') ");
        assertThat(ref.kind()).isEqualTo(InputRef.Kind.REF);
        assertThat(ref.cteName()).isEqualTo("__dbt__cte__stg_orders");
        assertThat(ref.describe()).isEqualTo("ref('stg_orders')");

        InputRef packaged = InputRef.parse("ref(\"shop\", \"stg_orders\")");
        assertThat(packaged.packageName()).isEqualTo("shop");
        assertThat(packaged.key()).isEqualTo(ref.key());

        InputRef source = InputRef.parse("source('raw', 'orders')");
        assertThat(source.key()).isEqualTo("source:raw.orders");
        assertThat(source.cteName()).isEqualTo("__dbt__cte__raw__orders");
        assertThat(source.describe()).isEqualTo("source('raw', 'orders')");

        assertThat(InputRef.parse("this")).isEqualTo(InputRef.THIS);
        assertThat(InputRef.parse("orders")).isNull();
        assertThat(InputRef.parse("ref('a') ~ ref('b')")).isNull();
    }
}
