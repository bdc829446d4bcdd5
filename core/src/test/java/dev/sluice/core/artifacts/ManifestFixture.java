package dev.sluice.core.artifacts;

import dev.sluice.core.manifest.ColumnInfo;
import dev.sluice.core.manifest.Doc;
import dev.sluice.core.manifest.Exposure;
import dev.sluice.core.manifest.Macro;
import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;
import dev.sluice.core.manifest.TestMetadata;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small jaffle-shop-like manifest built by hand: every resource kind the manifest writer handles. */
final class ManifestFixture {
    static final String PROJECT = "jaffle_shop";
    static final String SEED = "seed.jaffle_shop.raw_customers";
    static final String SOURCE = "source.jaffle_shop.raw.orders";
    static final String STG = "model.jaffle_shop.stg_orders";
    static final String CUSTOMERS = "model.jaffle_shop.customers";
    static final String GENERIC_TEST = "test.jaffle_shop.not_null_stg_orders_order_id.5b5e4a1c2d";
    static final String SINGULAR_TEST = "test.jaffle_shop.assert_positive_total";
    static final String MACRO = "macro.jaffle_shop.cents_to_dollars";
    static final String DOC = "doc.jaffle_shop.__overview__";
    static final String EXPOSURE = "exposure.jaffle_shop.weekly_dashboard";
    static final String DISABLED = "model.jaffle_shop.old_orders";
    static final Path ROOT = Path.of("/projects/jaffle_shop").toAbsolutePath();

    private ManifestFixture() {
    }

    static Manifest manifest() {
        Map<String, Node> nodes = new LinkedHashMap<>();
        // Inserted out of order on purpose: the writer sorts by unique id.
        nodes.put(CUSTOMERS, customers());
        nodes.put(STG, stgOrders());
        nodes.put(SEED, seed());
        nodes.put(GENERIC_TEST, genericTest());
        nodes.put(SINGULAR_TEST, singularTest());

        Node disabled = model(DISABLED, "old_orders", "select 1 as id");
        disabled.config.set("enabled", false);

        Macro macro = new Macro(MACRO, PROJECT, "cents_to_dollars", "macros/cents_to_dollars.sql",
                "macros/cents_to_dollars.sql",
                "{% macro cents_to_dollars(col, scale=2) %}({{ col }} / 100)::numeric(16, {{ scale }}){% endmacro %}",
                List.of("col", "scale"), 1);
        Doc doc = new Doc(DOC, PROJECT, "__overview__", "overview.md", "models/overview.md",
                "# Jaffle shop — café edition");

        return new Manifest(PROJECT, nodes, Map.of(SOURCE, source()), Map.of(MACRO, macro), Map.of(DOC, doc),
                Map.of(EXPOSURE, exposure()), Map.of(DISABLED, disabled),
                Map.of("nightly", Map.of("name", "nightly", "definition", "tag:nightly")));
    }

    private static Node model(String id, String name, String sql) {
        Node node = new Node(id, ResourceType.MODEL, PROJECT, name, name + ".sql", "models/" + name + ".sql",
                List.of(PROJECT, name));
        node.rawCode = sql;
        node.database = "analytics";
        node.schema = "main";
        node.checksum = "c".repeat(64);
        return node;
    }

    private static Node stgOrders() {
        Node node = model(STG, "stg_orders", "select * from {{ source('raw', 'orders') }}");
        node.sources.add(List.of("raw", "orders"));
        node.dependsOnNodes.add(SOURCE);
        node.description = "Orders, cleaned.";
        ColumnInfo orderId = new ColumnInfo("order_id");
        orderId.description = "Primary key";
        orderId.dataType = "integer";
        orderId.tags.add("pk");
        node.columns.put("order_id", orderId);
        node.patchPath = "jaffle_shop://models/schema.yml";
        return node;
    }

    private static Node customers() {
        Node node = model(CUSTOMERS, "customers",
                "select c.*, {{ cents_to_dollars('o.amount') }} as total from {{ ref('raw_customers') }} c "
                        + "join {{ ref('stg_orders') }} o using (id)");
        node.refs.add(List.of("raw_customers"));
        node.refs.add(List.of(PROJECT, "stg_orders"));
        node.dependsOnNodes.add(SEED);
        node.dependsOnNodes.add(STG);
        node.dependsOnMacros.add(MACRO);
        node.config.set("materialized", "table");
        node.config.set("tags", List.of("nightly"));
        node.config.set("post-hook", "grant select on {{ this }} to reporter");
        node.config.set("meta", Map.of("owner", "finance"));
        node.config.set("group", "finance");
        node.config.set("sort", "id");
        return node;
    }

    private static Node seed() {
        Node node = new Node(SEED, ResourceType.SEED, PROJECT, "raw_customers", "raw_customers.csv",
                "seeds/raw_customers.csv", List.of(PROJECT, "raw_customers"));
        node.database = "analytics";
        node.schema = "main";
        node.checksum = "a".repeat(64);
        node.seedFile = ROOT.resolve("seeds/raw_customers.csv");
        node.config.set("column_types", Map.of("id", "integer"));
        return node;
    }

    private static Node genericTest() {
        Node node = new Node(GENERIC_TEST, ResourceType.TEST, PROJECT, "not_null_stg_orders_order_id",
                "not_null_stg_orders_order_id.sql", "models/schema.yml",
                List.of(PROJECT, "not_null_stg_orders_order_id"));
        node.rawCode = "{{ test_not_null(**_dbt_generic_test_kwargs) }}";
        node.database = "analytics";
        node.schema = "main";
        node.refs.add(List.of("stg_orders"));
        node.dependsOnNodes.add(STG);
        node.dependsOnMacros.add("macro.dbt.test_not_null");
        node.dependsOnMacros.add("macro.dbt.get_where_subquery");
        node.columnName = "order_id";
        node.attachedNode = STG;
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("column_name", "order_id");
        kwargs.put("model", "{{ get_where_subquery(ref('stg_orders')) }}");
        node.testMetadata = new TestMetadata("not_null", null, kwargs);
        node.config.set("severity", "warn");
        return node;
    }

    private static Node singularTest() {
        Node node = new Node(SINGULAR_TEST, ResourceType.TEST, PROJECT, "assert_positive_total",
                "assert_positive_total.sql", "tests/assert_positive_total.sql",
                List.of(PROJECT, "assert_positive_total"));
        node.rawCode = "select * from {{ ref('customers') }} where total < 0";
        node.database = "analytics";
        node.schema = "main";
        node.refs.add(List.of("customers"));
        node.dependsOnNodes.add(CUSTOMERS);
        node.config.set("store_failures", true);
        return node;
    }

    private static SourceDefinition source() {
        SourceDefinition source = new SourceDefinition(SOURCE, PROJECT, "raw", "orders", "models/sources.yml",
                List.of(PROJECT, "raw", "orders"));
        source.database = "analytics";
        source.schema = "raw";
        source.identifier = "raw_orders";
        source.loader = "csv";
        source.sourceDescription = "Raw app data";
        source.loadedAtField = "_loaded_at";
        source.freshness = Map.of("warn_after", Map.of("count", 12, "period", "hour"));
        source.columns.put("id", new ColumnInfo("id"));
        return source;
    }

    private static Exposure exposure() {
        Exposure exposure = new Exposure(EXPOSURE, PROJECT, "weekly_dashboard", "models/exposures.yml",
                List.of(PROJECT, "weekly_dashboard"));
        exposure.label = "Weekly dashboard";
        exposure.maturity = "high";
        exposure.url = "https://bi.example.com/weekly";
        exposure.owner.put("name", "Ana");
        exposure.owner.put("email", "ana@example.com");
        exposure.refs.add(List.of("customers"));
        exposure.dependsOnNodes.add(CUSTOMERS);
        return exposure;
    }

    /** What the engine knows after compiling and running: compiled SQL and rendered relation names. */
    static ManifestExtras extras() {
        Map<String, ManifestExtras.CompiledNode> compiled = Map.of(CUSTOMERS, new ManifestExtras.CompiledNode(
                "with __dbt__cte__x as (select 1) select * from \"analytics\".\"main\".\"raw_customers\"",
                "target/compiled/jaffle_shop/models/customers.sql",
                List.of(new ManifestExtras.InjectedCte("model.jaffle_shop.x", "__dbt__cte__x as (select 1)"))));
        Map<String, String> relations = Map.of(
                CUSTOMERS, "\"analytics\".\"main\".\"customers\"",
                STG, "\"analytics\".\"main\".\"stg_orders\"",
                SEED, "\"analytics\".\"main\".\"raw_customers\"",
                SOURCE, "\"analytics\".\"raw\".\"raw_orders\"");
        return new ManifestExtras(compiled, relations, "duckdb", null, null);
    }
}
