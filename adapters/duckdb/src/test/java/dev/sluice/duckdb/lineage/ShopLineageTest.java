package dev.sluice.duckdb.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.docs.lineage.ColumnRef;
import dev.sluice.core.docs.lineage.LineageKind;
import dev.sluice.core.docs.lineage.ModelLineage;
import dev.sluice.core.docs.lineage.OutputColumn;
import dev.sluice.core.docs.lineage.ProjectColumnLineage;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.core.jinja.JinjaEngine;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.parse.ManifestParser;
import dev.sluice.core.manifest.parse.ParseTarget;
import dev.sluice.core.project.EnvVars;
import dev.sluice.core.project.ProfileLoader;
import dev.sluice.core.project.ProfileRequest;
import dev.sluice.core.project.ProjectConfig;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.duckdb.DuckDbAdapterFactory;
import dev.sluice.spi.TargetConfig;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Column lineage of the jaffle_shop-equivalent project as the engine compiles it, against lineage written by hand
 * from the models' SQL. Join and group keys are not inputs of the columns they join or group.
 */
class ShopLineageTest {
    static final String RAW_CUSTOMERS = "seed.shop.raw_customers";
    static final String RAW_ORDERS = "seed.shop.raw_orders";
    static final String RAW_PAYMENTS = "seed.shop.raw_payments";
    static final String STG_CUSTOMERS = "model.shop.stg_customers";
    static final String STG_ORDERS = "model.shop.stg_orders";
    static final String STG_PAYMENTS = "model.shop.stg_payments";
    static final String CUSTOMERS = "model.shop.customers";
    static final String ORDERS = "model.shop.orders";

    @TempDir
    Path dir;

    @Test
    void compiledShopModelsHaveTheHandWrittenLineage() {
        TestProject project = TestProject.fromClasspath("projects/shop", dir);
        Map<String, String> compiled = project.sluice().compile(project.options().build());
        assertThat(compiled.get(CUSTOMERS)).contains("\"shop\".\"main\".\"stg_customers\"");

        ProjectColumnLineage lineage = ProjectColumnLineage.build(manifest(project), compiled, Map.of());
        assertThat(lineage.all().keySet()).contains(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS, CUSTOMERS, ORDERS);
        assertHandWrittenLineage(lineage);
    }

    @Test
    void withTheWarehousesColumnsLineageNamesEveryColumnTheWarehouseBuilt() throws Exception {
        TestProject project = TestProject.fromClasspath("projects/shop", dir);
        RunResults results = project.sluice().build(project.options().build());
        assertThat(results.results()).allSatisfy(r -> assertThat(r.status()).as(r.uniqueId())
                .isIn(NodeStatus.SUCCESS, NodeStatus.PASS));
        Map<String, List<String>> warehouse = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("shop.duckdb"))) {
            for (String id : List.of(RAW_CUSTOMERS, RAW_ORDERS, RAW_PAYMENTS, STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS,
                    CUSTOMERS, ORDERS)) {
                warehouse.put(id, columnsOf(connection, id.substring(id.lastIndexOf('.') + 1)));
            }
        }
        Map<String, String> compiled = project.sluice().compile(project.options().build());
        Map<String, List<String>> seedsOnly = new LinkedHashMap<>();
        List.of(RAW_CUSTOMERS, RAW_ORDERS, RAW_PAYMENTS).forEach(id -> seedsOnly.put(id, warehouse.get(id)));

        ProjectColumnLineage lineage = ProjectColumnLineage.build(manifest(project), compiled, seedsOnly);
        for (String model : List.of(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS, CUSTOMERS, ORDERS)) {
            assertThat(lineage.lineage(model).orElseThrow().columnNames()).as(model)
                    .isEqualTo(warehouse.get(model));
        }
        assertHandWrittenLineage(lineage);
        assertHandWrittenLineage(ProjectColumnLineage.build(manifest(project), compiled, warehouse));
    }

    private static void assertHandWrittenLineage(ProjectColumnLineage lineage) {
        ModelLineage stgCustomers = lineage.lineage(STG_CUSTOMERS).orElseThrow();
        assertThat(stgCustomers.columnNames()).containsExactly("customer_id", "first_name", "last_name");
        expect(stgCustomers, "customer_id", LineageKind.DIRECT, ColumnRef.of(RAW_CUSTOMERS, "id"));
        expect(stgCustomers, "first_name", LineageKind.DIRECT, ColumnRef.of(RAW_CUSTOMERS, "first_name"));
        expect(stgCustomers, "last_name", LineageKind.DIRECT, ColumnRef.of(RAW_CUSTOMERS, "last_name"));

        ModelLineage stgOrders = lineage.lineage(STG_ORDERS).orElseThrow();
        assertThat(stgOrders.columnNames()).containsExactly("order_id", "customer_id", "order_date", "status");
        expect(stgOrders, "order_id", LineageKind.DIRECT, ColumnRef.of(RAW_ORDERS, "id"));
        expect(stgOrders, "customer_id", LineageKind.DIRECT, ColumnRef.of(RAW_ORDERS, "user_id"));
        expect(stgOrders, "order_date", LineageKind.DIRECT, ColumnRef.of(RAW_ORDERS, "order_date"));
        expect(stgOrders, "status", LineageKind.DIRECT, ColumnRef.of(RAW_ORDERS, "status"));

        ModelLineage stgPayments = lineage.lineage(STG_PAYMENTS).orElseThrow();
        assertThat(stgPayments.columnNames()).containsExactly("payment_id", "order_id", "payment_method", "amount");
        expect(stgPayments, "payment_id", LineageKind.DIRECT, ColumnRef.of(RAW_PAYMENTS, "id"));
        expect(stgPayments, "order_id", LineageKind.DIRECT, ColumnRef.of(RAW_PAYMENTS, "order_id"));
        expect(stgPayments, "payment_method", LineageKind.DIRECT, ColumnRef.of(RAW_PAYMENTS, "payment_method"));
        expect(stgPayments, "amount", LineageKind.TRANSFORMED, ColumnRef.of(RAW_PAYMENTS, "amount"));

        ModelLineage customers = lineage.lineage(CUSTOMERS).orElseThrow();
        assertThat(customers.columnNames()).containsExactly("customer_id", "first_name", "last_name", "first_order",
                "most_recent_order", "number_of_orders", "customer_lifetime_value");
        expect(customers, "customer_id", LineageKind.DIRECT, ColumnRef.of(STG_CUSTOMERS, "customer_id"));
        expect(customers, "first_name", LineageKind.DIRECT, ColumnRef.of(STG_CUSTOMERS, "first_name"));
        expect(customers, "last_name", LineageKind.DIRECT, ColumnRef.of(STG_CUSTOMERS, "last_name"));
        expect(customers, "first_order", LineageKind.AGGREGATED, ColumnRef.of(STG_ORDERS, "order_date"));
        expect(customers, "most_recent_order", LineageKind.AGGREGATED, ColumnRef.of(STG_ORDERS, "order_date"));
        expect(customers, "number_of_orders", LineageKind.AGGREGATED, ColumnRef.of(STG_ORDERS, "order_id"));
        // summed payments per customer: the amounts only; orders.customer_id groups them and is not an input
        expect(customers, "customer_lifetime_value", LineageKind.AGGREGATED, ColumnRef.of(STG_PAYMENTS, "amount"));

        ModelLineage orders = lineage.lineage(ORDERS).orElseThrow();
        assertThat(orders.columnNames()).containsExactly("order_id", "customer_id", "order_date", "status",
                "credit_card_amount", "coupon_amount", "bank_transfer_amount", "gift_card_amount", "amount");
        expect(orders, "order_id", LineageKind.DIRECT, ColumnRef.of(STG_ORDERS, "order_id"));
        expect(orders, "customer_id", LineageKind.DIRECT, ColumnRef.of(STG_ORDERS, "customer_id"));
        expect(orders, "order_date", LineageKind.DIRECT, ColumnRef.of(STG_ORDERS, "order_date"));
        expect(orders, "status", LineageKind.DIRECT, ColumnRef.of(STG_ORDERS, "status"));
        for (String method : List.of("credit_card", "coupon", "bank_transfer", "gift_card")) {
            // sum(case when payment_method = '...' then amount else 0 end): the CASE condition is part of the value
            expect(orders, method + "_amount", LineageKind.AGGREGATED, ColumnRef.of(STG_PAYMENTS, "payment_method"),
                    ColumnRef.of(STG_PAYMENTS, "amount"));
        }
        expect(orders, "amount", LineageKind.AGGREGATED, ColumnRef.of(STG_PAYMENTS, "amount"));

        assertThat(lineage.downstream(STG_PAYMENTS, "amount")).containsExactlyInAnyOrder(
                ColumnRef.of(CUSTOMERS, "customer_lifetime_value"), ColumnRef.of(ORDERS, "credit_card_amount"),
                ColumnRef.of(ORDERS, "coupon_amount"), ColumnRef.of(ORDERS, "bank_transfer_amount"),
                ColumnRef.of(ORDERS, "gift_card_amount"), ColumnRef.of(ORDERS, "amount"));
    }

    private static void expect(ModelLineage lineage, String column, LineageKind kind, ColumnRef... sources) {
        OutputColumn out = lineage.column(column).orElseThrow(() -> new AssertionError("no column " + column));
        assertThat(out.problem()).as(column).isNull();
        assertThat(out.sources()).as(column).containsExactlyInAnyOrder(sources);
        assertThat(out.kind()).as(column).isEqualTo(kind);
    }

    private static List<String> columnsOf(Connection connection, String table) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("select column_name from "
                + "information_schema.columns where table_schema = 'main' and table_name = ? order by ordinal_position")) {
            statement.setString(1, table);
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            assertThat(columns).as(table).isNotEmpty();
            return columns;
        }
    }

    /** The project's manifest, parsed as the engine parses it (no warehouse connection). */
    private static Manifest manifest(TestProject project) {
        JinjaEngine jinja = new JinjaEngine();
        EnvVars env = new EnvVars(Map.of());
        InvocationOptions options = project.options().build();
        ProjectConfig config = new ProjectLoader(jinja, env, text -> { }).load(project.dir(), Map.of());
        DuckDbAdapterFactory factory = new DuckDbAdapterFactory();
        TargetConfig target = factory.normalize(new ProfileLoader(jinja, env, text -> { }).load(
                new ProfileRequest(options.profilesDir(), null, null, null), project.dir(), config.profile(), Map.of()));
        Map<String, Object> targetContext = new LinkedHashMap<>(target.fields());
        targetContext.put("type", target.type());
        targetContext.put("schema", target.schema());
        targetContext.put("database", target.database());
        ParseTarget parseTarget = new ParseTarget(target.type(), factory.dialect(), target.database(), target.schema(),
                targetContext, factory.macros());
        return new ManifestParser(jinja, env, event -> { }).parse(config, parseTarget, Map.of(), "lineage-test",
                "2024-01-01T00:00:00Z").manifest();
    }
}
