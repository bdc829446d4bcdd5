package dev.sluice.duckdb.state;

import static dev.sluice.duckdb.state.StateFixture.buildProd;
import static dev.sluice.duckdb.state.StateFixture.rows;
import static dev.sluice.duckdb.state.StateFixture.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clone --state}: views in the current target over production's relations. */
class CloneTest {
    @TempDir
    Path dir;

    private static String tableType(TestProject project, String schema, String name) {
        return String.valueOf(rows(project, "select table_type from information_schema.tables where table_schema = '"
                + schema + "' and table_name = '" + name + "'").get(0).get(0));
    }

    @Test
    void clonesEverySelectedRelationAsAViewOverProduction() {
        TestProject project = StateFixture.project(dir);
        buildProd(project);
        RunResults cloned = project.sluice().clone(project.options().statePath(Path.of("prod-artifacts")).build());

        assertThat(cloned.failed()).isFalse();
        assertThat(statuses(cloned)).containsOnlyKeys("seed.shop.raw_orders", "model.shop.stg_orders",
                "model.shop.customers", "model.shop.customer_rank", "model.shop.big_orders");
        assertThat(StateFixture.relations(project, "dev")).containsExactlyInAnyOrder("raw_orders", "stg_orders",
                "customers", "customer_rank", "big_orders");
        assertThat(tableType(project, "dev", "customers")).isEqualTo("VIEW");
        assertThat(rows(project, "select customer_id, total::bigint from dev.customers order by customer_id"))
                .containsExactly(List.of(1L, 25L), List.of(2L, 7L), List.of(3L, 30L));
        assertThat(rows(project, "select count(*) from dev.raw_orders")).containsExactly(List.of(4L));
        assertThat(rows(project, "select view_definition from information_schema.views "
                + "where table_schema = 'dev' and table_name = 'customers'").get(0).get(0).toString())
                .contains("prod");
    }

    @Test
    void existingRelationsAreLeftAloneUnlessFullRefresh() {
        TestProject project = StateFixture.project(dir);
        buildProd(project);
        RunResults dev = project.sluice().build(project.options().select(List.of("raw_orders", "stg_orders")).build());
        assertThat(dev.failed()).isFalse();

        RunResults cloned = project.sluice().clone(project.options().statePath(Path.of("prod-artifacts"))
                .select(List.of("stg_orders", "customers")).build());
        assertThat(cloned.results()).hasSize(2);
        assertThat(cloned.results().stream().filter(r -> r.uniqueId().equals("model.shop.stg_orders")).findFirst()
                .orElseThrow().message()).contains("already exists");
        assertThat(tableType(project, "dev", "stg_orders")).isEqualTo("BASE TABLE");
        assertThat(tableType(project, "dev", "customers")).isEqualTo("VIEW");

        RunResults refreshed = project.sluice().clone(project.options().statePath(Path.of("prod-artifacts"))
                .select(List.of("stg_orders")).fullRefresh(true).build());
        assertThat(refreshed.failed()).isFalse();
        assertThat(tableType(project, "dev", "stg_orders")).isEqualTo("VIEW");
        assertThat(rows(project, "select count(*) from dev.stg_orders")).containsExactly(List.of(4L));
    }

    @Test
    void aModelTheStateLacksIsReportedAndCloneNeedsState() {
        TestProject project = StateFixture.project(dir);
        buildProd(project);
        project.write("models/vip.sql", "select * from {{ ref('customers') }}\n");
        RunResults cloned = project.sluice().clone(project.options().statePath(Path.of("prod-artifacts"))
                .select(List.of("vip")).build());
        assertThat(cloned.results()).singleElement().satisfies(r -> {
            assertThat(r.uniqueId()).isEqualTo("model.shop.vip");
            assertThat(r.message()).contains("No relation found in state manifest");
        });
        assertThat(StateFixture.relations(project, "dev")).doesNotContain("vip");
        assertThatThrownBy(() -> project.sluice().clone(project.options().build()))
                .isInstanceOf(SluiceException.class).hasMessageContaining("--state");
    }
}
