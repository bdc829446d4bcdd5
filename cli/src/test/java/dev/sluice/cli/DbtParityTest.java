package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.api.Sluice;
import dev.sluice.core.project.EnvVars;
import dev.sluice.testkit.TestProject;
import dev.sluice.testkit.shop.ShopExpectations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: {@code ls}, {@code compile} and {@code show} print what dbt prints for the jaffle_shop-shaped project:
 * the same node names in dbt's selector form, the same compiled SQL (refs rendered as dbt-duckdb renders them),
 * and {@code show --output json} as an object with the node and a {@code show} list of rows.
 */
class DbtParityTest {
    @TempDir
    Path dir;

    private String sluice(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("HOME", dir.toString());
        ApiFactory engine = sink -> new Sluice(sink, new EnvVars(env), ApiFactory::adapters);
        Cli cli = new Cli(new CliContext(engine, env, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Terminal.NONE,
                ZoneOffset.UTC));
        assertThat(cli.execute(args)).as(String.join(" ", args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The lines after the timestamp, without the timestamp. */
    private static List<String> messages(String output) {
        return output.lines().map(l -> l.matches("\\d\\d:\\d\\d:\\d\\d  .*") ? l.substring(10) : l).toList();
    }

    @Test
    void lsPrintsDbtSelectorNamesSorted() {
        TestProject.fromClasspath(ShopExpectations.CLASSPATH_PROJECT, dir);
        List<String> lines = sluice("ls", "-q").lines().toList();
        assertThat(lines).hasSize(28).isSorted();
        assertThat(lines).contains("shop.customers", "shop.orders", "shop.raw_customers",
                "shop.staging.stg_customers", "shop.staging.stg_payments", "shop.unique_customers_customer_id",
                "shop.relationships_orders_customer_id__customer_id__ref_customers_",
                "shop.staging.accepted_values_stg_orders_status__placed__shipped__completed__return_pending__returned");
        assertThat(sluice("ls", "-q", "-s", "+customers", "--resource-type", "model").lines().toList())
                .containsExactly("shop.customers", "shop.staging.stg_customers", "shop.staging.stg_orders",
                        "shop.staging.stg_payments");
        assertThat(sluice("ls", "-q", "-s", "staging", "--output", "path", "--resource-type", "model").lines())
                .containsExactly("models/staging/stg_customers.sql", "models/staging/stg_orders.sql",
                        "models/staging/stg_payments.sql");
    }

    @Test
    void compilePrintsTheSelectedNodeWithRefsResolved() {
        TestProject.fromClasspath(ShopExpectations.CLASSPATH_PROJECT, dir);
        List<String> lines = messages(sluice("compile", "-s", "stg_customers"));
        int head = lines.indexOf("Compiled node 'stg_customers' is:");
        assertThat(head).isNotNegative();
        String sql = String.join("\n", lines.subList(head + 1, lines.size()));
        assertThat(sql.replaceAll("\\s+", " ").strip()).isEqualTo(
                "with source as ( select * from \"shop\".\"main\".\"raw_customers\" ), renamed as ( select id as "
                        + "customer_id, first_name, last_name from source ) select * from renamed");
    }

    @Test
    void showPrintsRowsAsTextAndAsJson() throws Exception {
        TestProject.fromClasspath(ShopExpectations.CLASSPATH_PROJECT, dir);
        sluice("build", "-q");
        List<String> text = messages(sluice("show", "-s", "customers", "--limit", "3"));
        assertThat(text).contains("Previewing node 'customers':");
        assertThat(text.stream().filter(l -> l.startsWith("|")).count()).isEqualTo(5);

        JsonNode json = new ObjectMapper().readTree(sluice("show", "-s", "customers", "--limit", "2", "--output", "json"));
        assertThat(json.get("node").asText()).isEqualTo("customers");
        assertThat(json.get("show")).hasSize(2);
        ShopExpectations.CustomerRow first = ShopExpectations.fromSeedFolder(dir.resolve("seeds")).customer(1);
        assertThat(json.get("show").get(0).get("customer_id").asInt()).isEqualTo(1);
        assertThat(json.get("show").get(0).get("first_name").asText()).isEqualTo(first.firstName());

        JsonNode inline = new ObjectMapper().readTree(sluice("show", "--inline",
                "select count(*) as n from {{ ref('customers') }}", "--output", "json"));
        assertThat(inline.get("show").get(0).get("n").asInt()).isEqualTo(100);
        assertThat(inline.has("node")).isFalse();
    }
}
