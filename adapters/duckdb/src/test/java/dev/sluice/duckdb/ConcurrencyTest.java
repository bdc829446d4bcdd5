package dev.sluice.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Relation;
import dev.sluice.spi.RelationType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void fourThreadsGiveFourConnectionsOnOneInMemoryDatabase() throws Exception {
        try (DuckDbAdapter adapter = Duck.memory(4)) {
            assertThat(adapter.poolSize()).isEqualTo(4);
            buildInParallel(adapter, "memory");
        }
    }

    @Test
    void fourThreadsOnAFileBackedDatabaseAndTheDataSurvivesReopening() throws Exception {
        Path file = dir.resolve("warehouse.duckdb");
        try (DuckDbAdapter adapter = Duck.file(file, 4)) {
            assertThat(adapter.poolSize()).isEqualTo(4);
            assertThat(adapter.defaultDatabase()).isEqualTo("warehouse");
            buildInParallel(adapter, "warehouse");
        }
        try (DuckDbAdapter reopened = Duck.file(file, 1)) {
            assertThat(reopened.listRelations("warehouse", "fresh")).hasSize(8);
        }
    }

    /** Eight relations, two rounds each, from four threads released together, into a schema none of them created. */
    private static void buildInParallel(DuckDbAdapter adapter, String database) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                results.add(workers.submit(() -> {
                    start.await();
                    Relation target = new Relation(database, "fresh", "model_" + n, RelationType.TABLE);
                    for (int round = 0; round < 2; round++) {
                        adapter.replace(target, "select * from range(" + (1000 * (n + 1)) + ") t(id)",
                                n % 2 == 0 ? RelationType.TABLE : RelationType.VIEW);
                    }
                    return adapter.query("select count(*) from fresh.model_" + n).rows().get(0).get(0);
                }));
            }
            start.countDown();
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(1000L * (i + 1));
            }
        } finally {
            workers.shutdownNow();
        }
        // every connection saw the same database
        assertThat(adapter.listRelations(database, "fresh")).hasSize(8);
    }

    @Test
    void oneConnectionServesManyThreadsInTurn() throws Exception {
        try (DuckDbAdapter adapter = Duck.memory(1)) {
            ExecutorService workers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> results = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    int n = i;
                    results.add(workers.submit(() -> {
                        adapter.replace(new Relation("memory", "main", "m" + n, RelationType.TABLE), "select " + n + " as x",
                                RelationType.TABLE);
                        return null;
                    }));
                }
                for (Future<?> result : results) {
                    result.get(60, TimeUnit.SECONDS);
                }
            } finally {
                workers.shutdownNow();
            }
            assertThat(adapter.listRelations("memory", "main")).hasSize(4);
        }
    }
}
