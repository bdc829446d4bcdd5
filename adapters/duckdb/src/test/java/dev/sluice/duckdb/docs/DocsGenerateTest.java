package dev.sluice.duckdb.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.api.DocsOptions;
import dev.sluice.core.api.DocsResult;
import dev.sluice.core.api.InvocationOptions;
import dev.sluice.core.api.Sluice;
import dev.sluice.core.docs.site.Pages;
import dev.sluice.spi.QueryResult;
import dev.sluice.testkit.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs generate} on the docs_shop project (seeds, a source, staging views, mart tables, generic and singular
 * tests, docs blocks, a macro and an exposure), built on real DuckDB: catalog.json against the warehouse's own
 * information_schema, and the generated pages read back from disk.
 */
class DocsGenerateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestProject project;
    static Sluice sluice;
    static DocsResult result;
    static JsonNode catalog;
    static Path docs;

    @BeforeAll
    static void generate() throws IOException {
        project = TestProject.fromClasspath("projects/docs_shop", dir);
        sluice = project.sluice();
        InvocationOptions options = project.options().build();
        assertThat(sluice.seed(options).failed()).isFalse();
        assertThat(sluice.run(options).failed()).isFalse();
        result = sluice.docsGenerate(options, DocsOptions.defaults());
        catalog = JSON.readTree(dir.resolve("target/catalog.json").toFile());
        docs = dir.resolve("target/docs");
    }

    private static String page(String uniqueId) throws IOException {
        Path file = docs.resolve(Pages.of(uniqueId));
        assertThat(file).as("page of " + uniqueId).isRegularFile();
        return Files.readString(file);
    }

    /** The warehouse's own view of a relation's columns: name -> data type, in order. */
    private static Map<String, String> warehouseColumns(String schema, String table) {
        QueryResult rows = sluice.show(project.options().build(), "select column_name, data_type from "
                + "information_schema.columns where table_schema = '" + schema + "' and table_name = '" + table
                + "' order by ordinal_position", -1).preview();
        Map<String, String> out = new LinkedHashMap<>();
        rows.rows().forEach(r -> out.put(String.valueOf(r.get(0)), String.valueOf(r.get(1))));
        return out;
    }

    @Test
    void catalogHasDbtsV1Shape() {
        JsonNode meta = catalog.get("metadata");
        assertThat(meta.get("dbt_schema_version").asText()).isEqualTo("https://schemas.getdbt.com/dbt/catalog/v1.json");
        assertThat(meta.get("generated_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(meta.get("invocation_id").asText()).hasSize(36);
        assertThat(catalog.get("errors").isNull()).isTrue();
        JsonNode customers = catalog.get("nodes").get("model.docs_shop.customers");
        assertThat(customers.get("unique_id").asText()).isEqualTo("model.docs_shop.customers");
        assertThat(customers.get("metadata").get("type").asText()).isEqualTo("BASE TABLE");
        assertThat(customers.get("metadata").get("schema").asText()).isEqualTo("main");
        assertThat(customers.get("metadata").get("name").asText()).isEqualTo("customers");
        assertThat(customers.get("metadata").get("database").asText()).isEqualTo("docs_shop");
        assertThat(customers.get("metadata").has("owner")).isTrue();
        assertThat(customers.get("metadata").has("comment")).isTrue();
        JsonNode id = customers.get("columns").get("customer_id");
        assertThat(id.get("name").asText()).isEqualTo("customer_id");
        assertThat(id.get("index").asInt()).isEqualTo(1);
        assertThat(id.get("type").asText()).isEqualTo("BIGINT");
        assertThat(customers.get("columns").get("first_order").get("type").asText()).isEqualTo("DATE");
        assertThat(customers.get("stats").get("row_count").get("value").asLong()).isEqualTo(4);
        assertThat(customers.get("stats").get("has_stats").get("value").asBoolean()).isTrue();
        JsonNode view = catalog.get("nodes").get("model.docs_shop.stg_orders");
        assertThat(view.get("metadata").get("type").asText()).isEqualTo("VIEW");
        assertThat(view.get("stats").get("has_stats").get("value").asBoolean()).isFalse();
    }

    @Test
    void catalogListsEveryRelationWithTheWarehousesColumnsAndTypes() {
        List<String> relations = List.of("model.docs_shop.customers", "model.docs_shop.orders",
                "model.docs_shop.stg_customers", "model.docs_shop.stg_orders", "model.docs_shop.stg_payments",
                "seed.docs_shop.raw_customers", "seed.docs_shop.raw_orders", "seed.docs_shop.payments");
        assertThat(fieldNames(catalog.get("nodes"))).containsExactlyInAnyOrderElementsOf(relations);
        assertThat(fieldNames(catalog.get("sources"))).containsExactly("source.docs_shop.stripe.payments");
        List<JsonNode> all = new ArrayList<>();
        catalog.get("nodes").forEach(all::add);
        catalog.get("sources").forEach(all::add);
        for (JsonNode table : all) {
            String schema = table.get("metadata").get("schema").asText();
            String name = table.get("metadata").get("name").asText();
            Map<String, String> expected = warehouseColumns(schema, name);
            Map<String, String> actual = new LinkedHashMap<>();
            table.get("columns").forEach(c -> actual.put(c.get("name").asText(), c.get("type").asText()));
            assertThat(expected).as(schema + "." + name).isNotEmpty();
            assertThat(actual).as(schema + "." + name).containsExactlyEntriesOf(expected);
        }
        JsonNode source = catalog.get("sources").get("source.docs_shop.stripe.payments");
        assertThat(source.get("metadata").get("schema").asText()).isEqualTo("main_raw");
        assertThat(source.get("columns").get("amount_cents").get("type").asText()).isEqualTo("BIGINT");
        assertThat(result.catalogNodes()).isEqualTo(8);
        assertThat(result.catalogSources()).isEqualTo(1);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void everyNodeHasAPageWithItsDescriptionAndColumns() throws IOException {
        JsonNode manifest = JSON.readTree(dir.resolve("target/manifest.json").toFile());
        int checked = 0;
        for (String section : List.of("nodes", "sources", "exposures")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = manifest.get(section).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode node = entry.getValue();
                String html = page(entry.getKey());
                assertThat(html).contains("data-page=\"" + entry.getKey() + "\"");
                String description = node.path("description").asText("");
                if (!description.isBlank()) {
                    // the first words survive Markdown rendering as text
                    String firstWords = description.strip().split("[*`\\n|\\[]")[0].strip();
                    assertThat(html).as(entry.getKey()).contains(firstWords);
                }
                JsonNode catalogEntry = catalog.get(section.equals("sources") ? "sources" : "nodes").get(entry.getKey());
                if (catalogEntry != null) {
                    for (JsonNode column : catalogEntry.get("columns")) {
                        assertThat(html).as(entry.getKey() + " column " + column.get("name").asText())
                                .contains("<tr data-column=\"" + column.get("name").asText() + "\"><td><code>"
                                        + column.get("name").asText() + "</code></td><td class=\"type\">"
                                        + column.get("type").asText() + "</td>");
                    }
                }
                node.path("columns").fields().forEachRemaining(c -> {
                    String text = c.getValue().path("description").asText("");
                    if (!text.isBlank()) {
                        assertThat(html).contains(text.strip().split("[*`\\n|]")[0].strip());
                    }
                });
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
        for (String macro : List.of("macro.docs_shop.cents_to_dollars")) {
            assertThat(page(macro)).contains("cents_to_dollars").contains("model.docs_shop.stg_payments.html");
        }
    }

    @Test
    void modelPageRendersMarkdownDocsBlocksTestsCodeAndNeighbours() throws IOException {
        String customers = page("model.docs_shop.customers");
        assertThat(customers).contains("<strong>what they ordered</strong>");
        assertThat(customers).contains("<td class=\"md\"><p>Everything the customer paid, in dollars.</p>");
        assertThat(customers).containsPattern("(?s)<tr data-column=\"customer_id\">.*?"
                + "<a class=\"test\" href=\"test\\.docs_shop\\.unique_customers_customer_id\\.[0-9a-f]+\\.html\"");
        assertThat(customers).contains("Depends on").contains("href=\"model.docs_shop.stg_customers.html\"")
                .contains("href=\"model.docs_shop.orders.html\"");
        assertThat(customers).contains("Referenced by").contains("href=\"exposure.docs_shop.weekly_revenue.html\"");
        assertThat(customers).contains("from {{ ref(&#39;stg_customers&#39;) }}");
        assertThat(customers).contains("from &quot;docs_shop&quot;.&quot;main&quot;.&quot;stg_customers&quot;");
        assertThat(customers).contains("&quot;node_color&quot; : &quot;#d4a017&quot;");
        assertThat(customers).contains("4 rows");
        // column-level lineage from the compiled SQL, linked to the upstream columns
        assertThat(customers).containsPattern("(?s)<section id=\"column-lineage\">.*<tr data-column=\"lifetime_value\">"
                + "<td><code>lifetime_value</code></td><td><a class=\"upstream\" href=\"model.docs_shop.orders.html"
                + "#column=amount\">orders.amount</a> </td><td class=\"kind\">aggregated</td></tr>");
        assertThat(customers).contains("href=\"model.docs_shop.stg_customers.html#column=customer_id\">"
                + "stg_customers.customer_id</a> </td><td class=\"kind\">direct</td>");
        assertThat(customers).contains("class=\"lineage-panel\" data-focus=\"model.docs_shop.customers\"");

        String orders = page("model.docs_shop.stg_orders");
        // the docs block, rendered as a Markdown table, in the column's description
        assertThat(orders).contains("<th>status</th>").contains("<td>ordered, not yet shipped</td>")
                .contains("<em>never</em>");
        assertThat(orders).containsPattern("(?s)<tr data-column=\"status\">.*?>accepted_values</a>");

        String source = page("source.docs_shop.stripe.payments");
        assertThat(source).contains("<strong>Stripe</strong>").contains("loader: nightly_export")
                .contains("Amount in cents; divide by 100 for dollars.")
                .contains("href=\"model.docs_shop.stg_payments.html\"");
        String exposure = page("exposure.docs_shop.weekly_revenue");
        assertThat(exposure).contains("Weekly revenue dashboard").contains("The finance team").contains("maturity: high")
                .contains("href=\"model.docs_shop.customers.html\"");
        String test = page("test.docs_shop.assert_order_amounts_not_negative");
        assertThat(test).contains("singular test").contains("where amount &lt; 0");
    }

    @Test
    void indexTreesSearchAndLineageData() throws IOException {
        String index = Files.readString(dir.resolve("target/index.html"));
        assertThat(index).contains("<h1>Docs shop</h1>").contains("<strong>docs shop</strong>");
        assertThat(index).contains("src=\"docs/data/nav.js\"").contains("src=\"docs/assets/docs.js\"");
        String nav = Files.readString(docs.resolve("data/nav.js"));
        assertThat(nav).startsWith("window.SLUICE_NAV = {");
        JsonNode data = JSON.readTree(nav.substring(nav.indexOf('{'), nav.lastIndexOf('}') + 1));
        JsonNode search = data.get("search");
        JsonNode customers = null;
        for (JsonNode e : search) {
            if (e.get("h").asText().equals("model.docs_shop.customers.html")) {
                customers = e;
            }
        }
        assertThat(customers).isNotNull();
        assertThat(customers.get("c").toString()).contains("lifetime_value").contains("first_order");
        assertThat(customers.get("d").asText()).contains("One row per customer with what they ordered");
        assertThat(data.get("databaseTree").toString()).contains("\"n\":\"main_raw\"").contains("\"n\":\"docs_shop\"");
        assertThat(data.get("projectTree").toString()).contains("\"n\":\"staging\"").contains("\"n\":\"stripe\"");
        JsonNode graph = data.get("graph");
        List<String> ids = new ArrayList<>();
        graph.get("nodes").forEach(n -> ids.add(n.get("id").asText()));
        assertThat(ids).contains("source.docs_shop.stripe.payments", "model.docs_shop.customers",
                "exposure.docs_shop.weekly_revenue", "seed.docs_shop.raw_orders").noneMatch(i -> i.startsWith("test."));
        String svg = Files.readString(docs.resolve("data/lineage.js"));
        assertThat(svg).contains("data-id=\\\"model.docs_shop.customers\\\"").contains("fill=\\\"#d4a017\\\"");
        assertThat(result.graphNodes()).isEqualTo(ids.size());
        // nothing is loaded from the internet
        for (Path file : List.of(dir.resolve("target/index.html"), docs.resolve("lineage.html"),
                docs.resolve("assets/docs.js"), docs.resolve("assets/docs.css"))) {
            assertThat(Files.readString(file)).doesNotContainPattern("(src|href)=\"(https?:)?//")
                    .doesNotContain("@import").doesNotContainPattern("url\\(\\s*['\"]?https?:");
        }
    }

    @Test
    void emptyCatalogAndNoCompileStillWriteTheSite() throws IOException {
        Path other = dir.resolveSibling(dir.getFileName() + "-bare");
        TestProject bare = TestProject.fromClasspath("projects/docs_shop", other);
        DocsResult r = bare.sluice().docsGenerate(bare.options().build(), new DocsOptions(false, true));
        JsonNode empty = JSON.readTree(other.resolve("target/catalog.json").toFile());
        assertThat(empty.get("nodes").size()).isZero();
        assertThat(r.pages()).isGreaterThan(20);
        String customers = Files.readString(other.resolve("target/docs").resolve(Pages.of("model.docs_shop.customers")));
        // no catalog: documented columns still listed, types unknown; not compiled
        assertThat(customers).contains("<tr data-column=\"lifetime_value\"><td><code>lifetime_value</code></td>"
                + "<td class=\"type\"></td>").contains("Not compiled")
                .contains("Not available: the project was not compiled (docs generate --no-compile).");
    }
}
