package dev.sluice.duckdb.unittests;

import static dev.sluice.duckdb.unittests.ShopUnitTests.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.api.ListOutput;
import dev.sluice.core.execute.NodeResult;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unit tests in the commands: build runs them before their model and skips the model when one fails; test selects
 * them directly, by type, or through their model; run leaves them out; manifest.json lists them.
 */
class UnitTestCommandsTest {
    private static final String UNIT_TESTS = """
            version: 2
            models:
              - name: big_orders
                columns:
                  - name: order_id
                    data_tests: [not_null]
            unit_tests:
              - name: keeps_big_orders
                model: big_orders
                description: only orders over 50
                config:
                  tags: [fast]
                given:
                  - input: ref('orders')
                    rows:
                      - {order_id: 1, amount: 100}
                      - {order_id: 2, amount: 10}
                expect:
                  rows:
                    - {order_id: EXPECTED_ID}
            """;

    @TempDir
    Path dir;

    private TestProject project(int expectedId) {
        return ShopUnitTests.project(dir)
                .write("models/big_orders.sql", "select order_id, amount from {{ ref('orders') }} where amount > 50")
                .write("models/big_order_count.sql", "select count(*) as n from {{ ref('big_orders') }}")
                .write("models/unit.yml", UNIT_TESTS.replace("EXPECTED_ID", String.valueOf(expectedId)));
    }

    private static final String UNIT = "unit_test.shop.big_orders.keeps_big_orders";
    private static final String MODEL = "model.shop.big_orders";
    private static final String NOT_NULL = "test.shop.not_null_big_orders_order_id";

    /** Result ids, data tests without the hash dbt appends to their unique ids. */
    private static List<String> withoutHashes(RunResults results) {
        return ShopUnitTests.ids(results).stream()
                .map(id -> id.startsWith("test.") ? id.substring(0, id.lastIndexOf('.')) : id).toList();
    }

    @Test
    void buildRunsTheUnitTestBeforeItsModelAndAFailureSkipsTheModelAndItsChildren() {
        TestProject failing = project(2);
        RunResults failed = failing.sluice().build(failing.options().exclude(List.of("order_totals")).build());
        assertThat(result(failed, UNIT).status()).isEqualTo(NodeStatus.FAIL);
        assertThat(result(failed, MODEL).status()).isEqualTo(NodeStatus.SKIPPED);
        assertThat(result(failed, "model.shop.big_order_count").status()).isEqualTo(NodeStatus.SKIPPED);
        assertThat(result(failed, "seed.shop.orders").status()).isEqualTo(NodeStatus.SUCCESS);

        TestProject passing = project(1);
        RunResults passed = passing.sluice().build(passing.options().exclude(List.of("order_totals")).build());
        NodeResult unitTest = result(passed, UNIT);
        NodeResult model = result(passed, MODEL);
        NodeResult seed = result(passed, "seed.shop.orders");
        assertThat(unitTest.status()).isEqualTo(NodeStatus.PASS);
        assertThat(model.status()).isEqualTo(NodeStatus.SUCCESS);
        assertThat(unitTest.startedAt()).isAfterOrEqualTo(seed.completedAt());
        assertThat(model.startedAt()).isAfterOrEqualTo(unitTest.completedAt());
        assertThat(ShopUnitTests.ids(passed).indexOf(UNIT)).isLessThan(ShopUnitTests.ids(passed).indexOf(MODEL));
        assertThat(passed.failed()).isFalse();
    }

    @Test
    void runLeavesUnitTestsOutAndTestSelectsThemByModelTypeAndResourceType() {
        TestProject project = project(1);
        RunResults run = project.sluice().run(project.options().build());
        assertThat(ShopUnitTests.ids(run)).doesNotContain(UNIT);

        assertThat(withoutHashes(ShopUnitTests.test(project, "big_orders")))
                .containsExactlyInAnyOrder(UNIT, NOT_NULL);
        assertThat(ShopUnitTests.ids(ShopUnitTests.test(project, "test_type:unit"))).containsExactly(UNIT);
        assertThat(ShopUnitTests.ids(ShopUnitTests.test(project, "resource_type:unit_test"))).containsExactly(UNIT);
        assertThat(withoutHashes(ShopUnitTests.test(project, "test_type:data"))).containsExactly(NOT_NULL);
        assertThat(ShopUnitTests.ids(ShopUnitTests.test(project, "tag:fast"))).containsExactly(UNIT);
        assertThat(project.sluice().list(project.options().select(List.of("test_type:unit")).build(),
                ListOutput.SELECTOR, null)).containsExactly("unit_test:shop.big_orders.keeps_big_orders");
        RunResults all = project.sluice().test(project.options().build());
        assertThat(withoutHashes(all)).contains(UNIT, NOT_NULL);
    }

    @Test
    void manifestListsUnitTestsInDbtShape() throws Exception {
        TestProject project = project(1);
        project.sluice().parse(project.options().build());
        JsonNode manifest = new ObjectMapper().readTree(project.dir().resolve("target/manifest.json").toFile());
        assertThat(manifest.path("nodes").has(UNIT)).isFalse();
        JsonNode unitTest = manifest.path("unit_tests").path(UNIT);
        assertThat(unitTest.path("model").asText()).isEqualTo("big_orders");
        assertThat(unitTest.path("resource_type").asText()).isEqualTo("unit_test");
        assertThat(unitTest.path("description").asText()).isEqualTo("only orders over 50");
        assertThat(unitTest.path("given").get(0).path("input").asText()).isEqualTo("ref('orders')");
        assertThat(unitTest.path("given").get(0).path("format").asText()).isEqualTo("dict");
        assertThat(unitTest.path("given").get(0).path("rows").get(0).path("amount").asInt()).isEqualTo(100);
        assertThat(unitTest.path("expect").path("rows").get(0).path("order_id").asInt()).isEqualTo(1);
        assertThat(unitTest.path("depends_on").path("nodes").get(0).asText()).isEqualTo(MODEL);
        assertThat(unitTest.path("config").path("tags").get(0).asText()).isEqualTo("fast");
        assertThat(unitTest.path("config").path("enabled").asBoolean()).isTrue();
        assertThat(unitTest.path("fqn").toString()).isEqualTo("[\"shop\",\"big_orders\",\"keeps_big_orders\"]");
        assertThat(unitTest.path("overrides").isNull()).isTrue();
        assertThat(manifest.path("child_map").path(MODEL).toString()).contains(UNIT);
    }

    @Test
    void stateModifiedPicksAUnitTestWhoseYamlChanged() throws Exception {
        TestProject project = project(1);
        project.sluice().parse(project.options().build());
        Path state = Files.createDirectories(dir.resolve("prod"));
        Files.copy(project.dir().resolve("target/manifest.json"), state.resolve("manifest.json"));
        List<String> select = List.of("state:modified");
        assertThat(project.sluice().list(project.options().select(select).statePath(state).build(),
                ListOutput.SELECTOR, null)).isEmpty();
        project.write("models/unit.yml", UNIT_TESTS.replace("EXPECTED_ID", "2"));
        assertThat(project.sluice().list(project.options().select(select).statePath(state).build(),
                ListOutput.SELECTOR, null)).containsExactly("unit_test:shop.big_orders.keeps_big_orders");
    }

    @Test
    void aUnitTestOfADisabledModelIsDisabledAndOfAnUnknownModelIsAnError() {
        TestProject project = project(1).write("models/big_orders.sql",
                "{{ config(enabled=false) }} select order_id from {{ ref('orders') }}")
                .write("models/big_order_count.sql", "select 1 as n");
        RunResults results = project.sluice().test(project.options().build());
        assertThat(ShopUnitTests.ids(results)).doesNotContain(UNIT);
        assertThat(project.events().messages()).anyMatch(m -> m.contains("unit test is disabled"));

        project.write("models/unit.yml", UNIT_TESTS.replace("model: big_orders", "model: no_such_model")
                .replace("EXPECTED_ID", "1"));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                project.sluice().test(project.options().build())))
                .hasMessageContaining("Unable to find model 'no_such_model' for unit test 'keeps_big_orders'");
    }
}
