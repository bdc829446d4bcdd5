package dev.sluice.duckdb.state;

import static dev.sluice.duckdb.state.StateFixture.buildProd;
import static dev.sluice.duckdb.state.StateFixture.relations;
import static dev.sluice.duckdb.state.StateFixture.result;
import static dev.sluice.duckdb.state.StateFixture.rows;
import static dev.sluice.duckdb.state.StateFixture.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code build --select state:modified+ --defer --state prod-artifacts} and {@code --favor-state} on DuckDB. */
class DeferTest {
    @TempDir
    Path dir;

    @Test
    void slimCiBuildsOnlyTheChangedModelAndItsChildrenReadingUnchangedParentsFromProduction() throws Exception {
        TestProject project = StateFixture.project(dir);
        buildProd(project);
        assertThat(Files.isRegularFile(dir.resolve("prod-artifacts/manifest.json"))).isTrue();
        assertThat(relations(project, "dev")).isEmpty();

        project.write("models/customers.sql", """
                select customer_id, sum(amount) as total, count(*) as orders
                from {{ ref('stg_orders') }}
                group by customer_id
                """);
        RunResults ci = project.sluice().build(project.options()
                .select(List.of("state:modified+")).defer(true).statePath(Path.of("prod-artifacts")).build());

        assertThat(ci.failed()).isFalse();
        assertThat(ci.results()).extracting(r -> r.uniqueId().replaceAll("\\.[0-9a-f]{10}$", ""))
                .containsExactlyInAnyOrder("model.shop.customers", "model.shop.customer_rank",
                        "test.shop.not_null_customers_customer_id", "test.shop.unique_customers_customer_id");
        String customersSql = result(ci, "model.shop.customers").compiledCode();
        assertThat(customersSql).contains("\"prod\".\"stg_orders\"").doesNotContain("\"dev\".\"stg_orders\"");
        String rankSql = result(ci, "model.shop.customer_rank").compiledCode();
        assertThat(rankSql).contains("\"dev\".\"customers\"");
        assertThat(relations(project, "dev")).containsExactlyInAnyOrder("customers", "customer_rank");
        assertThat(rows(project, "select customer_id, total::bigint, orders from dev.customers order by customer_id"))
                .containsExactly(List.of(1L, 25L, 2L), List.of(2L, 7L, 1L), List.of(3L, 30L, 1L));
        assertThat(rows(project, "select customer_id, position from dev.customer_rank order by position"))
                .containsExactly(List.of(3L, 1L), List.of(1L, 2L), List.of(2L, 3L));
    }

    @Test
    void withoutDeferTheChangedModelReadsTheDevSchemaAndFails() throws Exception {
        TestProject project = StateFixture.project(dir);
        buildProd(project);
        project.write("models/customers.sql", "select customer_id, max(amount) as total from {{ ref('stg_orders') }} "
                + "group by customer_id\n");
        RunResults ci = project.sluice().build(project.options()
                .select(List.of("state:modified")).statePath(Path.of("prod-artifacts")).build());
        assertThat(statuses(ci)).containsEntry("model.shop.customers", "error");
        assertThat(Files.readString(dir.resolve("target/compiled/shop/models/customers.sql")))
                .contains("\"dev\".\"stg_orders\"");
    }

    @Test
    void aParentThatExistsInDevIsReadFromDevUnlessFavorStateIsGiven() {
        TestProject project = StateFixture.project(dir);
        buildProd(project);
        // dev has its own stg_orders (built from a different body), prod has the original
        project.write("models/stg_orders.sql",
                "select id, customer_id, amount * 100 as amount from {{ ref('raw_orders') }}\n");
        RunResults dev = project.sluice().build(project.options().select(List.of("raw_orders", "stg_orders")).build());
        assertThat(dev.failed()).isFalse();

        RunResults deferred = project.sluice().run(project.options().select(List.of("customers")).defer(true)
                .statePath(Path.of("prod-artifacts")).build());
        assertThat(result(deferred, "model.shop.customers").compiledCode()).contains("\"dev\".\"stg_orders\"");
        assertThat(rows(project, "select total::bigint from dev.customers where customer_id = 1")).containsExactly(List.of(2500L));

        RunResults favored = project.sluice().run(project.options().select(List.of("customers")).defer(true)
                .favorState(true).statePath(Path.of("prod-artifacts")).build());
        assertThat(result(favored, "model.shop.customers").compiledCode()).contains("\"prod\".\"stg_orders\"");
        assertThat(rows(project, "select total::bigint from dev.customers where customer_id = 1")).containsExactly(List.of(25L));
    }

    @Test
    void aSelectedParentIsNeverDeferredAndDeferStateMayDifferFromState() {
        TestProject project = StateFixture.project(dir);
        buildProd(project);
        RunResults both = project.sluice().run(project.options().select(List.of("stg_orders", "customers"))
                .defer(true).favorState(true).deferState(Path.of("prod-artifacts")).build());
        // stg_orders is selected: customers reads the dev copy built in this run, even with --favor-state
        assertThat(result(both, "model.shop.customers").compiledCode()).contains("\"dev\".\"stg_orders\"");
        // raw_orders is not selected and not in dev: stg_orders reads production's seed
        assertThat(result(both, "model.shop.stg_orders").compiledCode()).contains("\"prod\".\"raw_orders\"");
        assertThat(both.failed()).isFalse();
    }

    @Test
    void deferWithoutStateIsAClearError() {
        TestProject project = StateFixture.project(dir);
        assertThatThrownBy(() -> project.sluice().run(project.options().defer(true).build()))
                .isInstanceOf(SluiceException.class).hasMessageContaining("--defer")
                .hasMessageContaining("--state");
    }
}
