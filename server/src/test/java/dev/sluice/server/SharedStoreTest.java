package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.DeployConfig;
import dev.sluice.deploy.ManualClock;
import dev.sluice.deploy.git.GitRepo;
import dev.sluice.deploy.model.DeploymentType;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.EnvironmentDraft;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.JobDraft;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunCause;
import dev.sluice.deploy.model.RunStatus;
import dev.sluice.deploy.model.RunStep;
import dev.sluice.deploy.store.Store;
import dev.sluice.testkit.postgres.EmbeddedPostgres;
import dev.sluice.testkit.postgres.SharedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code sluice server} processes (two servers, each with its own scheduler and worker, in this JVM) on one
 * PostgreSQL store run a minute-by-minute schedule for five minutes of test-clock time: each scheduled run exists
 * exactly once and ran exactly once.
 */
class SharedStoreTest {
    @RegisterExtension
    static final SharedPostgres PG = new SharedPostgres();

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void twoServersRunAMinuteScheduleOnceEach() throws Exception {
        write("dbt_project.yml", "name: tiny\nprofile: tiny\n");
        write("profiles.yml", "tiny:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
                + "      path: warehouse.duckdb\n      schema: main\n      threads: 1\n");
        write(".gitignore", "target/\nlogs/\n*.duckdb\n*.duckdb.wal\n.sluice/\n");
        write("seeds/drivers.csv", "driver_id,name\n1,Hamilton\n2,Verstappen\n");
        try (GitRepo repo = GitRepo.init(dir, Map.of())) {
            repo.commitAll("Initial commit");
        }
        EmbeddedPostgres server = PG.server();
        String database = server.freshDatabase("servers");
        ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:59:30Z"));
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(logs, true, StandardCharsets.UTF_8);
        try (Store storeOne = Store.open(server.jdbcUrl(database), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
             Store storeTwo = Store.open(server.jdbcUrl(database), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD)) {
            Deploy one = Deploy.open(config("one", clock), storeOne);
            Deploy two = Deploy.open(config("two", clock), storeTwo);
            Environment env = one.environments().create(EnvironmentDraft.deployment("Deployment",
                    DeploymentType.PRODUCTION).profileTarget("dev").schema("production"));
            Job job = one.jobs().create(new JobDraft("Every minute", env.id()).commands("sluice seed")
                    .cron("* * * * *", "UTC"));
            SluiceServer.Options options = new SluiceServer.Options("127.0.0.1", 0, 1, Duration.ofMillis(50), 1);
            try (SluiceServer a = SluiceServer.start(one, options, log);
                 SluiceServer b = SluiceServer.start(two, options, log)) {
                // The test clock stands still while a run works (so heartbeats stay fresh, as in real time), then
                // walks through the rest of the minute in ten-second steps with both schedulers ticking.
                Instant start = Instant.parse("2026-03-02T09:00:00Z");
                for (int minute = 0; minute < 5; minute++) {
                    clock.set(start.plusSeconds(60L * minute));
                    int expected = minute + 1;
                    waitFor(() -> one.runs().list(job.id(), 100).stream()
                            .filter(r -> r.status().finished()).count() == expected, logs,
                            () -> one.runs().list(job.id(), 100).stream().map(r -> r.id() + ":" + r.status() + ":"
                                    + r.statusMessage()).collect(Collectors.joining("\n")));
                    for (int step = 1; step < 6; step++) {
                        clock.set(start.plusSeconds(60L * minute + 10L * step));
                        Thread.sleep(100);
                    }
                }
                Thread.sleep(300); // both schedulers tick again inside the last minute: nothing more may appear
            }
            List<Run> runs = one.runs().list(job.id(), 100);
            assertThat(runs).hasSize(5);
            assertThat(runs).allSatisfy(r -> {
                assertThat(r.cause()).isEqualTo(RunCause.SCHEDULE);
                assertThat(r.status()).isEqualTo(RunStatus.SUCCESS);
            });
            assertThat(runs.stream().map(Run::scheduledFor).collect(Collectors.toSet())).hasSize(5);
            for (Run run : runs) {
                List<RunStep> steps = one.runs().steps(run.id());
                assertThat(steps).hasSize(1);
                // ran once: one checkout in its log, one seed summary
                String text = one.runs().logs(run.id(), null).stream().map(l -> l.text())
                        .collect(Collectors.joining("\n"));
                assertThat(text.split("checking out", -1)).hasSize(2);
                assertThat(text.split("Done\\. PASS=1", -1)).hasSize(2);
            }
            one.close();
            two.close();
        }
    }

    private DeployConfig config(String name, ManualClock clock) {
        // heartbeats every 20 ms of real time keep up with a test clock that moves ten seconds per 100 ms
        return DeployConfig.builder(dir).dataDir(dir.resolve(".sluice-" + name)).clock(clock)
                .poll(Duration.ofMillis(50)).heartbeat(Duration.ofMillis(20)).build();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, ByteArrayOutputStream logs,
                                java.util.function.Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; runs:\n" + state.get() + "\nserver log:\n"
                        + logs.toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(50);
        }
    }
}
