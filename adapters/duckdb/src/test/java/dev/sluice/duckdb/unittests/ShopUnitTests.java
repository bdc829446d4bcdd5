package dev.sluice.duckdb.unittests;

import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.List;

/**
 * A small shop project for the unit test suites: seeds orders and customers, a source of exchange rates that is never
 * loaded, and order_totals reading two refs and the source.
 */
final class ShopUnitTests {
    static final String ORDER_TOTALS = """
            select o.order_id, c.name as customer, o.amount * r.rate as amount_eur
            from {{ ref('orders') }} o
            join {{ ref('customers') }} c on c.customer_id = o.customer_id
            join {{ source('fx', 'rates') }} r on r.currency = o.currency
            """;

    static final String SOURCES = """
            version: 2
            sources:
              - name: fx
                schema: fx
                tables:
                  - name: rates
            """;

    private ShopUnitTests() {
    }

    static TestProject project(Path dir) {
        return TestProject.at(dir)
                .write("dbt_project.yml", "name: shop\nprofile: shop\n")
                .duckdbProfile("shop", "main", 2)
                .write("seeds/orders.csv", """
                        order_id,customer_id,amount,currency,ordered_at
                        1,10,100.50,USD,2024-01-01
                        2,11,20.00,EUR,2024-01-02
                        """)
                .write("seeds/customers.csv", """
                        customer_id,name
                        10,Ada
                        11,Grace
                        """)
                .write("models/sources.yml", SOURCES)
                .write("models/order_totals.sql", ORDER_TOTALS);
    }

    static NodeResult result(RunResults results, String uniqueId) {
        return results.results().stream().filter(r -> r.uniqueId().equals(uniqueId)).findFirst()
                .orElseThrow(() -> new AssertionError(uniqueId + " not in " + ids(results)));
    }

    static List<String> ids(RunResults results) {
        return results.results().stream().map(NodeResult::uniqueId).toList();
    }

    static RunResults test(TestProject project, String... select) {
        return project.sluice().test(project.options().select(List.of(select)).build());
    }
}
