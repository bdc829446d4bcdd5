package dev.sluice.core.graph;

import dev.sluice.core.manifest.Manifest;

import java.util.List;
import java.util.Map;

/**
 * A small jaffle-shop-like project used across the selection tests:
 * <pre>
 * source raw.orders    -> stg_orders    -> orders -> revenue -> exposure weekly_kpis
 * source raw.customers -> stg_customers -> orders
 *                                       -> customers <- seed country_codes; customers -> exposure weekly_kpis
 * package dep: dep_model (no edges)
 * tests: unique_stg_orders_id (stg_orders), not_null_orders_id (orders),
 *        relationships_orders_customers (orders, customers), equal_rowcount_orders_stg_orders (orders, stg_orders),
 *        assert_revenue_positive (singular; revenue), source_not_null_raw_orders_id (source raw.orders),
 *        unit test test_orders_logic (orders)
 * </pre>
 */
final class SampleProject {
    static final String STG_ORDERS = "model.p.stg_orders";
    static final String STG_CUSTOMERS = "model.p.stg_customers";
    static final String ORDERS = "model.p.orders";
    static final String CUSTOMERS = "model.p.customers";
    static final String REVENUE = "model.p.revenue";
    static final String DEP_MODEL = "model.dep.dep_model";
    static final String COUNTRY_CODES = "seed.p.country_codes";
    static final String RAW_ORDERS = "source.p.raw.orders";
    static final String RAW_CUSTOMERS = "source.p.raw.customers";
    static final String WEEKLY_KPIS = "exposure.p.weekly_kpis";
    static final String UNIQUE_STG_ORDERS = "test.p.unique_stg_orders_id";
    static final String NOT_NULL_ORDERS = "test.p.not_null_orders_id";
    static final String RELATIONSHIPS = "test.p.relationships_orders_customers";
    static final String EQUAL_ROWCOUNT = "test.p.equal_rowcount_orders_stg_orders";
    static final String ASSERT_REVENUE = "test.p.assert_revenue_positive";
    static final String SOURCE_NOT_NULL = "test.p.source_not_null_raw_orders_id";
    static final String ORDERS_UNIT_TEST = "unit_test.p.orders.test_orders_logic";

    private SampleProject() {
    }

    static ManifestFixture fixture() {
        ManifestFixture f = new ManifestFixture("p");
        f.source("raw", "orders", "models/staging/sources.yml", "raw_data");
        f.source("raw", "customers", "models/staging/sources.yml");
        f.seed("country_codes");
        f.packageModel("dep", "dep_model");
        f.model("stg_orders").in("staging").tags("staging").dependsOn(RAW_ORDERS);
        f.model("stg_customers").in("staging").tags("staging", "pii").dependsOn(RAW_CUSTOMERS);
        f.model("orders").in("marts").tags("nightly").config("materialized", "table")
                .config("meta", Map.of("owner", "alice")).config("transient", true)
                .config("grants", Map.of("select", List.of("reporter", "analyst")))
                .patchedBy("models/marts/schema.yml")
                .dependsOn("stg_orders", "stg_customers");
        f.model("customers").in("marts").tags("nightly", "finance").config("materialized", "incremental")
                .config("access", "public").dependsOn("stg_customers", "country_codes");
        f.model("revenue").in("marts/finance").config("materialized", "table").config("group", "finance")
                .dependsOn("orders");
        f.genericTest("unique_stg_orders_id", "unique", null, STG_ORDERS);
        f.genericTest("not_null_orders_id", "not_null", null, ORDERS).config("severity", "warn");
        f.genericTest("relationships_orders_customers", "relationships", null, ORDERS, CUSTOMERS);
        f.genericTest("equal_rowcount_orders_stg_orders", "equal_rowcount", "dbt_utils", ORDERS, STG_ORDERS);
        f.genericTest("source_not_null_raw_orders_id", "not_null", null, RAW_ORDERS);
        f.singularTest("assert_revenue_positive", REVENUE).tags("finance_checks");
        f.unitTest("test_orders_logic", "orders");
        f.exposure("weekly_kpis", REVENUE, CUSTOMERS);
        return f;
    }

    static Manifest manifest() {
        return fixture().build();
    }
}
