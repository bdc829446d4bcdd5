package dev.sluice.core.docs.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import dev.sluice.core.manifest.SourceDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relations resolved through a manifest, upstream models first, with hand-written expected lineage. */
class ProjectColumnLineageTest {
    static final String SEED = "seed.p.raw_orders";
    static final String SOURCE = "source.p.crm.accounts";
    static final String STG = "model.p.stg_orders";
    static final String EPH = "model.p.big_orders";
    static final String MART = "model.p.account_orders";
    static final String PY = "model.p.forecast";

    @TempDir
    Path dir;

    private Manifest manifest() throws Exception {
        Path csv = dir.resolve("raw_orders.csv");
        Files.writeString(csv, "id,account_id,\"Amount\",placed_at\n1,10,500,2024-01-01\n");
        Map<String, Node> nodes = new LinkedHashMap<>();
        Node seed = node(SEED, ResourceType.SEED, "raw_orders");
        seed.seedFile = csv;
        nodes.put(SEED, seed);
        Node stg = node(STG, ResourceType.MODEL, "stg_orders");
        stg.dependsOnNodes.add(SEED);
        nodes.put(STG, stg);
        Node eph = node(EPH, ResourceType.MODEL, "big_orders");
        eph.config.set("materialized", "ephemeral");
        eph.dependsOnNodes.add(STG);
        nodes.put(EPH, eph);
        Node mart = node(MART, ResourceType.MODEL, "account_orders");
        mart.alias = "acct_orders";
        mart.dependsOnNodes.addAll(List.of(EPH, SOURCE));
        nodes.put(MART, mart);
        Node py = node(PY, ResourceType.MODEL, "forecast");
        py.language = "python";
        nodes.put(PY, py);
        SourceDefinition source = new SourceDefinition(SOURCE, "p", "crm", "accounts", "models/sources.yml",
                List.of("p", "crm", "accounts"));
        source.database = "warehouse";
        source.schema = "crm_raw";
        source.identifier = "ACCOUNTS_V2";
        return new Manifest("p", nodes, Map.of(SOURCE, source), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    private static Node node(String id, ResourceType type, String name) {
        Node node = new Node(id, type, "p", name, name + ".sql", "models/" + name + ".sql", List.of("p", name));
        node.database = "warehouse";
        node.schema = "analytics";
        return node;
    }

    private static Map<String, String> compiled() {
        Map<String, String> sql = new LinkedHashMap<>();
        // given downstream first: the build must order them itself
        sql.put(MART, """
                with __dbt__cte__big_orders as (
                    select * from "warehouse"."analytics"."stg_orders" where amount > 100
                ), accounts as (
                    select * from "warehouse"."crm_raw"."accounts_v2"
                )
                select a.account_name, o.* exclude (account_id), count(*) over (partition by a.id) as orders_of_account
                from __dbt__cte__big_orders o join accounts a on a.id = o.account_id
                """);
        sql.put(EPH, """
                select * from "warehouse"."analytics"."stg_orders" where amount > 100
                """);
        sql.put(STG, """
                with source as (select * from "warehouse"."analytics"."raw_orders")
                select id as order_id, account_id, "Amount" / 100.0 as amount, placed_at::date as order_date from source
                """);
        sql.put(PY, "def model(dbt, session):\n    return dbt.ref('stg_orders')\n");
        return sql;
    }

    @Test
    void modelsAreAnalysedUpstreamFirstAndSelectStarUsesLineageDerivedColumns() throws Exception {
        Manifest manifest = manifest();
        ProjectColumnLineage project = ProjectColumnLineage.build(manifest, compiled(),
                Map.of(SOURCE, List.of("id", "account_name", "created_at")));
        assertThat(project.all().keySet()).containsExactly(STG, EPH, MART, PY);

        ModelLineage stg = project.lineage(STG).orElseThrow();
        assertThat(stg.columnNames()).containsExactly("order_id", "account_id", "amount", "order_date");
        ColumnLineageTest.expect(stg, "order_id", LineageKind.DIRECT, ColumnRef.of(SEED, "id"));
        ColumnLineageTest.expect(stg, "amount", LineageKind.TRANSFORMED, ColumnRef.of(SEED, "Amount"));

        ModelLineage eph = project.lineage(EPH).orElseThrow();
        assertThat(eph.columnNames()).containsExactly("order_id", "account_id", "amount", "order_date");
        ColumnLineageTest.expect(eph, "amount", LineageKind.DIRECT, ColumnRef.of(STG, "amount"));

        ModelLineage mart = project.lineage(MART).orElseThrow();
        assertThat(mart.columnNames()).containsExactly("account_name", "order_id", "amount", "order_date",
                "orders_of_account");
        ColumnLineageTest.expect(mart, "account_name", LineageKind.DIRECT, ColumnRef.of(SOURCE, "account_name"));
        ColumnLineageTest.expect(mart, "order_id", LineageKind.DIRECT, ColumnRef.of(EPH, "order_id"));
        ColumnLineageTest.expect(mart, "orders_of_account", LineageKind.WINDOW, ColumnRef.of(SOURCE, "id"));

        assertThat(project.lineage(PY).orElseThrow().unparsableReason())
                .hasValue("a python model: column lineage reads SQL only");
        assertThat(project.downstream(STG, "amount")).containsExactly(ColumnRef.of(EPH, "amount"));
        assertThat(project.downstream(SEED, "id")).containsExactly(ColumnRef.of(STG, "order_id"));
    }

    @Test
    void relationsResolveCaseInsensitivelyWithOrWithoutDatabaseAndSchema() throws Exception {
        Manifest manifest = manifest();
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put(MART, """
                select r.id, s.amount, t.account_name, u.order_id
                from raw_orders r
                join ANALYTICS.STG_ORDERS s on s.order_id = r.id
                join crm_raw.accounts_v2 t on t.id = r.account_id
                join "WAREHOUSE"."Analytics"."stg_orders" u on u.order_id = r.id
                """);
        sql.put(STG, "select id as order_id, \"Amount\" as amount from raw_orders");
        ProjectColumnLineage project = ProjectColumnLineage.build(manifest, sql, Map.of());
        ModelLineage mart = project.lineage(MART).orElseThrow();
        ColumnLineageTest.expect(mart, "id", LineageKind.DIRECT, ColumnRef.of(SEED, "id"));
        ColumnLineageTest.expect(mart, "amount", LineageKind.DIRECT, ColumnRef.of(STG, "amount"));
        ColumnLineageTest.expect(mart, "account_name", LineageKind.DIRECT, ColumnRef.of(SOURCE, "account_name"));
        ColumnLineageTest.expect(mart, "order_id", LineageKind.DIRECT, ColumnRef.of(STG, "order_id"));
    }

    @Test
    void warehouseColumnsWinAndSourcesWithoutThemCannotBeExpanded() throws Exception {
        Manifest manifest = manifest();
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put(STG, "select * from raw_orders");
        sql.put(MART, "select * from crm_raw.accounts_v2");
        ProjectColumnLineage project = ProjectColumnLineage.build(manifest, sql,
                Map.of(SEED, List.of("id", "loaded_at")));
        assertThat(project.lineage(STG).orElseThrow().columnNames()).containsExactly("id", "loaded_at");
        assertThat(project.lineage(MART).orElseThrow().unparsableReason())
                .hasValue("cannot expand * over crm_raw.accounts_v2: its columns are not known");
    }

    @Test
    void anUnparsableUpstreamLeavesItsColumnsUnknownDownstream() throws Exception {
        Manifest manifest = manifest();
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put(STG, "select {'a': 1} as s from raw_orders");
        sql.put(EPH, "select * from analytics.stg_orders");
        ProjectColumnLineage project = ProjectColumnLineage.build(manifest, sql, Map.of());
        assertThat(project.lineage(STG).orElseThrow().isParsed()).isFalse();
        assertThat(project.lineage(EPH).orElseThrow().unparsableReason())
                .hasValue("cannot expand * over analytics.stg_orders: its columns are not known");
    }
}
