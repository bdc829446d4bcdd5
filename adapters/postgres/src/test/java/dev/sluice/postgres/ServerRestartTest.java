package dev.sluice.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.events.Event;
import dev.sluice.core.execute.NodeStatus;
import dev.sluice.core.execute.RunResults;
import dev.sluice.testkit.TestProject;
import dev.sluice.testkit.postgres.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server is stopped and started again in the middle of a 20-model run with {@code retries: 3}: every model ends
 * built, with all its rows, nothing is left beside the tables, and the retries were reported. The server is this
 * class's own (the shared one must not go down under other tests).
 */
class ServerRestartTest {
    private static final int MODELS = 20;
    private static final int ROWS = 100_000;

    private static EmbeddedPostgres server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyModelIsBuiltAndNoneHalfWritten() throws Exception {
        String schema = server.freshSchema("restart");
        TestProject p = TestProject.at(dir)
                .write("dbt_project.yml", "name: restart\nprofile: restart\n")
                .write("profiles.yml", server.profileYaml("restart", EmbeddedPostgres.DATABASE, schema, 4,
                        "      retries: 3\n"));
        for (int i = 1; i <= MODELS; i++) {
            // every fifth model reads the one before it, so the DAG has depth as well as width
            String from = i % 5 == 0 ? "{{ ref('model_" + (i - 1) + "') }}" : "generate_series(1, " + ROWS + ") as g(id)";
            p.write("models/model_" + i + ".sql", "{{ config(materialized='table') }}\n"
                    + "select id, md5(id::text) as payload, " + i + " as model from " + from + "\n"
                    + "cross join (select pg_sleep(0.4)) as pause\n");
        }

        CompletableFuture<RunResults> run = CompletableFuture.supplyAsync(() -> p.sluice().run(p.options().build()));
        waitForFinishedModels(p, 4);
        server.stop();
        Thread.sleep(1500);
        server.restart();
        RunResults results = run.get(5, TimeUnit.MINUTES);

        assertThat(results.results()).hasSize(MODELS);
        assertThat(results.results()).allSatisfy(r -> assertThat(r.status()).as(r.uniqueId() + ": " + r.message())
                .isEqualTo(NodeStatus.SUCCESS));
        List<String> retries = p.events().events().stream()
                .filter(e -> e instanceof Event.Message m && m.level() == Event.Level.WARN && m.text().contains("retry"))
                .map(e -> ((Event.Message) e).text()).toList();
        assertThat(retries).as("retries reported as warnings").isNotEmpty()
                .allSatisfy(text -> assertThat(text).startsWith("postgres: ").contains("of 3 in"));
        System.out.println("retries reported during the restart:\n  " + String.join("\n  ", retries));

        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select tablename from pg_tables where schemaname = '" + schema
                    + "' order by tablename")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).hasSize(MODELS).allMatch(t -> t.matches("model_\\d+"));
            for (int i = 1; i <= MODELS; i++) {
                try (ResultSet rs = statement.executeQuery("select count(*), count(distinct id), min(id), max(id),"
                        + " bool_and(payload = md5(id::text)) from " + schema + ".model_" + i)) {
                    rs.next();
                    assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                            .as("model_" + i).containsExactly((long) ROWS, (long) ROWS, 1L, (long) ROWS);
                    assertThat(rs.getBoolean(5)).isTrue();
                }
            }
        }
    }

    private static void waitForFinishedModels(TestProject p, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            long finished = p.events().events().stream().filter(e -> e instanceof Event.NodeFinished).count();
            if (finished >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run did not get going: " + p.events().messages());
    }
}
