package dev.sluice.duckdb.unittests;

import static dev.sluice.duckdb.unittests.ShopUnitTests.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passing and failing unit tests in dict, csv and sql formats, on a model with two refs and a source. */
class UnitTestVerdictTest {
    @TempDir
    Path dir;

    private static final String GIVEN = """
                given:
                  - input: ref('orders')
                    rows:
                      - {order_id: 1, customer_id: 10, amount: 10, currency: USD}
                      - {order_id: 2, customer_id: 11, amount: 4, currency: EUR}
                      - {order_id: 3, customer_id: 11, amount: 1, currency: GBP}
                  - input: ref('customers')
                    format: csv
                    rows: |
                      customer_id,name
                      10,Ada
                      11,"Grace, H"
                  - input: source('fx', 'rates')
                    rows:
                      - {currency: USD, rate: 0.5}
                      - {currency: EUR, rate: 1}
            """;

    @Test
    void dictAndCsvExpectationsPassWithoutAnythingBuilt() {
        TestProject project = ShopUnitTests.project(dir).write("models/unit.yml", """
                unit_tests:
                  - name: totals_in_euros
                    model: order_totals
                """ + GIVEN + """
                    expect:
                      rows:
                        - {order_id: 2, amount_eur: 4}
                        - {order_id: 1, amount_eur: 5.0}
                  - name: totals_as_csv
                    model: order_totals
                """ + GIVEN + """
                    expect:
                      format: csv
                      rows: |
                        order_id,customer,amount_eur
                        1,Ada,5
                        2,"Grace, H",4
                """);
        RunResults results = ShopUnitTests.test(project);
        assertThat(result(results, "unit_test.shop.order_totals.totals_in_euros").status()).isEqualTo(NodeStatus.PASS);
        assertThat(result(results, "unit_test.shop.order_totals.totals_as_csv").status()).isEqualTo(NodeStatus.PASS);
        assertThat(results.failed()).isFalse();
        assertThat(project.dir().resolve("target/compiled/shop/models/unit.yml/order_totals/totals_in_euros.sql"))
                .content().contains("__dbt__cte__orders as (").contains("__dbt__cte__fx__rates");
    }

    @Test
    void aWrongExpectationFailsWithARowDiff() {
        TestProject project = ShopUnitTests.project(dir).write("models/unit.yml", """
                unit_tests:
                  - name: wrong_rate
                    model: order_totals
                """ + GIVEN + """
                    expect:
                      rows:
                        - {order_id: 1, customer: Ada, amount_eur: 5}
                        - {order_id: 2, customer: "Grace, H", amount_eur: 40}
                """);
        RunResults results = ShopUnitTests.test(project);
        NodeResult failed = result(results, "unit_test.shop.order_totals.wrong_rate");
        assertThat(failed.status()).isEqualTo(NodeStatus.FAIL);
        assertThat(failed.failures()).isEqualTo(2L);
        assertThat(failed.message()).startsWith("actual differs from expected:")
                .contains("@@  | order_id | customer | amount_eur")
                .contains("    | 1        | Ada      | 5")
                .contains("--- | 2        | Grace, H | 40")
                .contains("+++ | 2        | Grace, H | 4");
        assertThat(results.failed()).isTrue();
    }

    @Test
    void sqlRowsAndFixtureFilesFeedInputsAndExpectations() throws Exception {
        TestProject project = ShopUnitTests.project(dir)
                .write("tests/fixtures/fx_rates.csv", "currency,rate\nUSD,2\nEUR,1\n")
                .write("tests/fixtures/expected_totals.sql", "select 1 as order_id, 20.0 as amount_eur")
                .write("models/unit.yml", """
                        unit_tests:
                          - name: from_fixtures
                            model: order_totals
                            given:
                              - input: ref('orders')
                                format: sql
                                rows: select 1 as order_id, 10 as customer_id, 10.0 as amount, 'USD' as currency
                              - input: ref('customers')
                                rows: [{customer_id: 10, name: Ada}]
                              - input: source('fx', 'rates')
                                format: csv
                                fixture: fx_rates
                            expect:
                              format: sql
                              fixture: expected_totals
                        """);
        RunResults results = ShopUnitTests.test(project);
        assertThat(result(results, "unit_test.shop.order_totals.from_fixtures").status()).isEqualTo(NodeStatus.PASS);
        assertThat(ShopUnitTests.ids(results)).containsExactly("unit_test.shop.order_totals.from_fixtures");
        assertThat(Files.exists(project.dir().resolve("target/run/shop/models/unit.yml/order_totals/from_fixtures.sql")))
                .isTrue();
    }
}
