package dev.sluice.duckdb.unittests;

import static dev.sluice.duckdb.unittests.ShopUnitTests.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How given rows become relations: typed like the upstream relation when the warehouse has it (left-out columns are
 * NULL of their type), checked against its columns, and every input the model reads must be given.
 */
class UnitTestInputsTest {
    @TempDir
    Path dir;

    private TestProject nextDayProject() {
        return ShopUnitTests.project(dir)
                .write("models/next_day.sql", """
                        select order_id, ordered_at + interval 1 day as next_day, currency is null as no_currency
                        from {{ ref('orders') }}
                        """)
                .write("models/unit.yml", """
                        unit_tests:
                          - name: adds_a_day
                            model: next_day
                            given:
                              - input: ref('orders')
                                rows:
                                  - {order_id: 7, ordered_at: '2024-02-28'}
                            expect:
                              rows:
                                - {order_id: 7, next_day: '2024-02-29 00:00:00', no_currency: true}
                        """);
    }

    @Test
    void givenRowsTakeTheTypesOfTheBuiltUpstreamAndMissingColumnsAreTypedNulls() {
        TestProject project = nextDayProject();
        project.sluice().seed(project.options().build());
        RunResults results = ShopUnitTests.test(project, "next_day");
        NodeResult unitTest = result(results, "unit_test.shop.next_day.adds_a_day");
        assertThat(unitTest.status()).as(unitTest.message()).isEqualTo(NodeStatus.PASS);
        assertThat(unitTest.compiledCode()).contains("cast('2024-02-28' as DATE)").contains("cast(null as VARCHAR)");
    }

    @Test
    void aColumnTheBuiltUpstreamLacksIsNamed() {
        TestProject project = nextDayProject().write("models/unit.yml", """
                unit_tests:
                  - name: bad_column
                    model: next_day
                    given:
                      - input: ref('orders')
                        rows: [{order_id: 7, ordred_at: '2024-02-28'}]
                    expect:
                      rows: [{order_id: 7}]
                """);
        project.sluice().seed(project.options().build());
        NodeResult unitTest = result(ShopUnitTests.test(project), "unit_test.shop.next_day.bad_column");
        assertThat(unitTest.status()).isEqualTo(NodeStatus.ERROR);
        assertThat(unitTest.message()).contains("Invalid column name: 'ordred_at'").contains("ref('orders')")
                .contains("ordered_at");
    }

    @Test
    void everyRefAndSourceTheModelReadsMustBeGiven() {
        TestProject project = ShopUnitTests.project(dir).write("models/unit.yml", """
                unit_tests:
                  - name: only_orders
                    model: order_totals
                    given:
                      - input: ref('orders')
                        rows: [{order_id: 1, customer_id: 10, amount: 1, currency: USD}]
                    expect:
                      rows: []
                """);
        NodeResult unitTest = result(ShopUnitTests.test(project), "unit_test.shop.order_totals.only_orders");
        assertThat(unitTest.status()).isEqualTo(NodeStatus.ERROR);
        assertThat(unitTest.message()).contains("has no 'given' rows for ref('customers'), source('fx', 'rates')")
                .contains("models/unit.yml");
    }

    @Test
    void varsAndEnvVarsAreOverridden() {
        TestProject project = ShopUnitTests.project(dir)
                .write("dbt_project.yml", "name: shop\nprofile: shop\nvars:\n  factor: 1\n")
                .write("models/scaled.sql", """
                        select order_id, amount * {{ var('factor') }} as scaled, '{{ env_var('REGION', 'eu') }}' as region
                        from {{ ref('orders') }}
                        """)
                .write("models/unit.yml", """
                        unit_tests:
                          - name: scaled_in_us
                            model: scaled
                            overrides:
                              vars: {factor: 3}
                              env_vars: {REGION: us}
                            given:
                              - input: ref('orders')
                                rows: [{order_id: 1, amount: 2}]
                            expect:
                              rows: [{order_id: 1, scaled: 6, region: us}]
                          - name: scaled_by_default
                            model: scaled
                            given:
                              - input: ref('orders')
                                rows: [{order_id: 1, amount: 2}]
                            expect:
                              rows: [{scaled: 2, region: eu}]
                        """);
        RunResults results = project.sluice().test(project.options().vars(Map.of()).build());
        assertThat(result(results, "unit_test.shop.scaled.scaled_in_us").status()).isEqualTo(NodeStatus.PASS);
        assertThat(result(results, "unit_test.shop.scaled.scaled_by_default").status()).isEqualTo(NodeStatus.PASS);
    }

    @Test
    void anIncrementalModelIsTestedWithIsIncrementalOverriddenAndThisGiven() {
        TestProject project = ShopUnitTests.project(dir)
                .write("models/new_orders.sql", """
                        {{ config(materialized='incremental', unique_key='order_id') }}
                        select order_id, amount from {{ ref('orders') }}
                        {% if is_incremental() %}
                        where order_id > (select max(order_id) from {{ this }})
                        {% endif %}
                        """)
                .write("models/unit.yml", """
                        unit_tests:
                          - name: only_new_rows
                            model: new_orders
                            overrides:
                              macros: {is_incremental: true}
                            given:
                              - input: ref('orders')
                                rows: [{order_id: 1, amount: 1}, {order_id: 2, amount: 2}, {order_id: 3, amount: 3}]
                              - input: this
                                rows: [{order_id: 1, amount: 1}]
                            expect:
                              rows: [{order_id: 2, amount: 2}, {order_id: 3, amount: 3}]
                          - name: full_refresh_takes_all
                            model: new_orders
                            overrides:
                              macros: {is_incremental: false}
                            given:
                              - input: ref('orders')
                                rows: [{order_id: 1, amount: 1}, {order_id: 2, amount: 2}]
                            expect:
                              rows: [{order_id: 1}, {order_id: 2}]
                        """);
        RunResults results = ShopUnitTests.test(project, "new_orders");
        NodeResult incremental = result(results, "unit_test.shop.new_orders.only_new_rows");
        assertThat(incremental.status()).as(incremental.message()).isEqualTo(NodeStatus.PASS);
        assertThat(incremental.compiledCode()).contains("(select max(order_id) from __dbt__cte__this)");
        assertThat(result(results, "unit_test.shop.new_orders.full_refresh_takes_all").status())
                .isEqualTo(NodeStatus.PASS);
    }

    @Test
    void macroOverridesReplaceWhatTheModelCalls() {
        TestProject project = ShopUnitTests.project(dir)
                .write("macros/cents.sql", "{% macro to_cents(column) %}({{ column }} * 100){% endmacro %}")
                .write("models/in_cents.sql", """
                        select order_id, {{ to_cents('amount') }} as cents, '{{ invocation_id }}' as run
                        from {{ ref('orders') }}
                        """)
                .write("models/unit.yml", """
                        unit_tests:
                          - name: overridden
                            model: in_cents
                            overrides:
                              macros: {to_cents: "-1", invocation_id: fixed}
                            given:
                              - input: ref('orders')
                                rows: [{order_id: 1, amount: 2}]
                            expect:
                              rows: [{order_id: 1, cents: -1, run: fixed}]
                        """);
        NodeResult unitTest = result(ShopUnitTests.test(project), "unit_test.shop.in_cents.overridden");
        assertThat(unitTest.status()).as(unitTest.message()).isEqualTo(NodeStatus.PASS);
    }
}
