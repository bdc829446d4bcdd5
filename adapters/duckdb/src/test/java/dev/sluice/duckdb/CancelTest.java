package dev.sluice.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.AdapterException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code Adapter.cancel()} stops a statement running on another thread, and the adapter refuses work afterwards. */
class CancelTest {
    /** Minutes of work for DuckDB: a sum over a cross join of 10^10 rows. */
    private static final String ENDLESS = "select sum(a.range * b.range) from range(100000) a, range(100000) b";

    @Test
    void cancelStopsARunningQueryAndLaterCallsFailAtOnce() throws Exception {
        try (DuckDbAdapter adapter = Duck.memory(2)) {
            CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> adapter.query(ENDLESS));
            Thread.sleep(300);
            assertThat(running).isNotDone();
            long asked = System.nanoTime();
            adapter.cancel();
            assertThatThrownBy(() -> running.get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(AdapterException.class);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - asked)).isLessThan(10);
            assertThatThrownBy(() -> adapter.execute("select 1"))
                    .isInstanceOf(AdapterException.class)
                    .hasMessageContaining("cancelled");
        }
    }
}
