package dev.sluice.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.errors.SluiceException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reading run_results.json (v6) for result: selection and retry. */
class PreviousRunTest {
    private static final String RESULTS = """
            {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json"},
             "results": [
               {"status": "success", "unique_id": "model.shop.stg", "timing": [], "message": "OK"},
               {"status": "error", "unique_id": "model.shop.orders", "message": "boom"},
               {"status": "skipped", "unique_id": "model.shop.rank"},
               {"status": "fail", "unique_id": "test.shop.not_null_orders_id.abc"},
               {"status": "pass", "unique_id": "test.shop.unique_orders_id.def"},
               {"status": "warn", "unique_id": "test.shop.accepted.123"},
               {"status": "runtime error", "unique_id": "model.shop.py"}
             ],
             "elapsed_time": 1.5,
             "args": {"which": "build", "select": ["orders+"], "full_refresh": false, "vars": {"day": "2024-01-01"}}}
            """;

    @Test
    void statusesAndArgs() {
        PreviousRun run = PreviousRun.parse(RESULTS);
        assertThat(run.command()).isEqualTo("build");
        assertThat(run.withStatus("error")).containsExactly("model.shop.orders");
        assertThat(run.withStatus("runtime error")).containsExactly("model.shop.py");
        assertThat(run.withStatus("pass")).containsExactly("test.shop.unique_orders_id.def");
        assertThat(run.withStatus("SUCCESS")).containsExactly("model.shop.stg");
        assertThat(run.args()).containsEntry("vars", java.util.Map.of("day", "2024-01-01"));
        assertThat(run.results()).hasSize(7);
    }

    @Test
    void retryTakesErrorsFailuresSkipsAndRuntimeErrorsInOrder() {
        assertThat(PreviousRun.parse(RESULTS).retryable()).containsExactly("model.shop.orders", "model.shop.rank",
                "test.shop.not_null_orders_id.abc", "model.shop.py");
    }

    @Test
    void aMissingFileNamesItsPath() {
        assertThatThrownBy(() -> PreviousRun.read(Path.of("no/such/dir/run_results.json")))
                .isInstanceOf(SluiceException.class).hasMessageContaining("no/such/dir/run_results.json");
        assertThatThrownBy(() -> StateManifest.read(Path.of("no/such/dir/manifest.json")))
                .isInstanceOf(SluiceException.class).hasMessageContaining("--state");
    }
}
