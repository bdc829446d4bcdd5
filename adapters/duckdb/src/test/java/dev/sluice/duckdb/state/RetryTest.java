package dev.sluice.duckdb.state;

import static dev.sluice.duckdb.state.StateFixture.rows;
import static dev.sluice.duckdb.state.StateFixture.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.errors.SluiceException;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retry}: re-runs the previous command over what errored, failed or was skipped. */
class RetryTest {
    private static final String BROKEN_CUSTOMERS = "select customer_id, sum(amount) as total, missing_column "
            + "from {{ ref('stg_orders') }} group by customer_id\n";

    @TempDir
    Path dir;

    /** Unique ids without the hash generic tests carry. */
    private static Map<String, String> plain(RunResults results) {
        Map<String, String> out = new TreeMap<>();
        statuses(results).forEach((id, status) -> out.put(id.replaceAll("\\.[0-9a-f]{10}$", ""), status));
        return out;
    }

    @Test
    void afterOneFailingModelRetryRunsOnlyItAndWhatItSkipped() throws Exception {
        TestProject project = StateFixture.project(dir).write("models/customers.sql", BROKEN_CUSTOMERS);
        RunResults first = project.sluice().build(project.options().build());
        assertThat(plain(first)).containsEntry("model.shop.customers", "error")
                .containsEntry("model.shop.customer_rank", "skipped")
                .containsEntry("test.shop.not_null_customers_customer_id", "skipped")
                .containsEntry("model.shop.stg_orders", "success")
                .containsEntry("model.shop.big_orders", "success");

        project.write("models/customers.sql", StateFixture.FILES.get("models/customers.sql"));
        RunResults retried = project.sluice().retry(project.options().build());

        assertThat(retried.failed()).isFalse();
        assertThat(retried.command()).isEqualTo("build");
        assertThat(plain(retried)).isEqualTo(Map.of(
                "model.shop.customers", "success",
                "model.shop.customer_rank", "success",
                "test.shop.not_null_customers_customer_id", "pass",
                "test.shop.unique_customers_customer_id", "pass"));
        assertThat(rows(project, "select customer_id, position from dev.customer_rank order by position"))
                .containsExactly(List.of(3L, 1L), List.of(1L, 2L), List.of(2L, 3L));

        JsonNode written = new ObjectMapper().readTree(dir.resolve("target/run_results.json").toFile());
        assertThat(written.path("args").path("which").asText()).isEqualTo("build");
        assertThat(written.path("args").path("invocation_command").asText()).isEqualTo("sluice retry");

        RunResults nothing = project.sluice().retry(project.options().build());
        assertThat(nothing.results()).isEmpty();
        assertThat(nothing.failed()).isFalse();
        assertThat(project.events().messages()).anyMatch(m -> m.contains("Nothing to do"));
    }

    @Test
    void retryKeepsFailingUntilFixedAndReusesTheTargetOfThePreviousRun() {
        TestProject project = StateFixture.project(dir).write("models/customers.sql", BROKEN_CUSTOMERS);
        RunResults first = project.sluice().build(StateFixture.prod(project).build());
        assertThat(plain(first)).containsEntry("model.shop.customers", "error");
        Map<String, String> failedAgain = Map.of("model.shop.customers", "error",
                "model.shop.customer_rank", "skipped",
                "test.shop.not_null_customers_customer_id", "skipped",
                "test.shop.unique_customers_customer_id", "skipped");

        // still broken: the same nodes again, still failing; targetPath points at the previous results
        RunResults again = project.sluice().retry(project.options().targetPath(Path.of("prod-artifacts")).build());
        assertThat(plain(again)).isEqualTo(failedAgain);

        project.write("models/customers.sql", StateFixture.FILES.get("models/customers.sql"));
        RunResults fixed = project.sluice().retry(project.options().targetPath(Path.of("prod-artifacts")).build());
        assertThat(plain(fixed)).isEqualTo(Map.of("model.shop.customers", "success",
                "model.shop.customer_rank", "success",
                "test.shop.not_null_customers_customer_id", "pass",
                "test.shop.unique_customers_customer_id", "pass"));
        // the previous run was against target prod: retry built there, not in dev
        assertThat(StateFixture.relations(project, "prod")).contains("customers", "customer_rank");
        assertThat(StateFixture.relations(project, "dev")).isEmpty();
    }

    @Test
    void failingTestsAreRetriedFromTheTestCommand() {
        TestProject project = StateFixture.project(dir);
        project.write("seeds/raw_orders.csv", "id,customer_id,amount\n1,1,10\n2,,15\n");
        assertThat(project.sluice().seed(project.options().build()).failed()).isFalse();
        assertThat(project.sluice().run(project.options().build()).failed()).isFalse();
        RunResults tests = project.sluice().test(project.options().build());
        assertThat(plain(tests)).containsEntry("test.shop.not_null_customers_customer_id", "fail")
                .containsEntry("test.shop.unique_customers_customer_id", "pass");

        RunResults retried = project.sluice().retry(project.options().build());
        assertThat(retried.command()).isEqualTo("test");
        assertThat(plain(retried)).isEqualTo(Map.of("test.shop.not_null_customers_customer_id", "fail"));
    }

    @Test
    void withoutAPreviousRunRetryIsAClearError() {
        TestProject project = StateFixture.project(dir);
        assertThatThrownBy(() -> project.sluice().retry(project.options().build()))
                .isInstanceOf(SluiceException.class).hasMessageContaining("run_results.json");
    }
}
