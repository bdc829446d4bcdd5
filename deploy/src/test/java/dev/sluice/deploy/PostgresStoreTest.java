package dev.sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.deploy.model.DeploymentType;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.EnvironmentDraft;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.JobDraft;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunStatus;
import dev.sluice.deploy.store.Store;
import dev.sluice.testkit.postgres.EmbeddedPostgres;
import dev.sluice.testkit.postgres.SharedPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata store on a real PostgreSQL server (the embedded binaries from Maven Central), with the same Flyway
 * migrations as the embedded default: several processes claim runs at once and each run is claimed exactly once,
 * never two of one environment at a time; two schedulers ticking the same minute create one run.
 */
class PostgresStoreTest {
    @RegisterExtension
    static final SharedPostgres PG = new SharedPostgres();

    @TempDir
    Path home;

    private Store store(String name) {
        EmbeddedPostgres server = PG.server();
        String database = server.freshDatabase(name);
        return Store.open(server.jdbcUrl(database), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
    }

    @Test
    void concurrentWorkersClaimEveryRunExactlyOnceAndOneRunPerEnvironment() throws Exception {
        try (Store first = store("claims")) {
            Deploy setup = Deploy.open(DeployConfig.builder(home).build(), first);
            List<Job> jobs = new ArrayList<>();
            for (int e = 0; e < 4; e++) {
                Environment env = setup.environments().create(EnvironmentDraft.deployment("Env " + e,
                        DeploymentType.GENERAL).connection("type", "duckdb").connection("path", "w" + e + ".duckdb")
                        .schema("s" + e));
                jobs.add(setup.jobs().create(new JobDraft("Job " + e, env.id()).commands("sluice run")));
            }
            Set<Long> queued = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                for (Job job : jobs) {
                    queued.add(setup.runs().enqueue(job.id(), Runs.Request.manual("load")).id());
                }
            }
            // four "processes", each with its own Deploy over the shared store, claim and finish runs concurrently
            Map<Long, String> claimedBy = new ConcurrentHashMap<>();
            List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
            Map<Long, Long> activeEnvironment = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            for (int w = 0; w < 4; w++) {
                int worker = w;
                pool.submit(() -> {
                    Deploy process = Deploy.open(DeployConfig.builder(home).build(), first);
                    String id = process.queue().registerWorker("worker-" + worker);
                    start.await();
                    int idle = 0;
                    while (idle < 20) {
                        Optional<Run> run = process.queue().claim(id);
                        if (run.isEmpty()) {
                            idle++;
                            Thread.sleep(20);
                            continue;
                        }
                        idle = 0;
                        Run claimed = run.get();
                        if (claimedBy.putIfAbsent(claimed.id(), id) != null) {
                            overlaps.add("run " + claimed.id() + " claimed twice");
                        }
                        Job job = jobs.stream().filter(j -> j.id() == claimed.jobId()).findFirst().orElseThrow();
                        if (activeEnvironment.putIfAbsent(job.environmentId(), claimed.id()) != null) {
                            overlaps.add("environment " + job.environmentId() + " ran two runs at once");
                        }
                        Thread.sleep(5);
                        activeEnvironment.remove(job.environmentId());
                        process.queue().finish(claimed.id(), RunStatus.SUCCESS, null);
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            assertThat(overlaps).isEmpty();
            assertThat(claimedBy.keySet()).isEqualTo(queued);
            Map<RunStatus, Integer> statuses = new HashMap<>();
            for (long id : queued) {
                statuses.merge(setup.runs().get(id).status(), 1, Integer::sum);
            }
            assertThat(statuses).containsExactly(Map.entry(RunStatus.SUCCESS, 20));
        }
    }

    @Test
    void twoSchedulersOnOneStoreCreateEachScheduledRunOnce() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:59:30Z"));
        try (Store shared = store("schedule")) {
            Deploy one = Deploy.open(DeployConfig.builder(home).clock(clock).build(), shared);
            Deploy two = Deploy.open(DeployConfig.builder(home).clock(clock).build(), shared);
            Environment env = one.environments().create(EnvironmentDraft.deployment("Deployment",
                    DeploymentType.PRODUCTION).connection("type", "duckdb").connection("path", "w.duckdb")
                    .schema("production"));
            Job job = one.jobs().create(new JobDraft("Every minute", env.id()).commands("sluice run")
                    .cron("* * * * *", "UTC"));
            for (int minute = 0; minute < 5; minute++) {
                clock.set(Instant.parse("2026-03-02T09:00:00Z").plusSeconds(60L * minute));
                List<Run> fromOne = one.scheduler().tick();
                List<Run> fromTwo = two.scheduler().tick();
                assertThat(fromOne.size() + fromTwo.size()).as("minute " + minute).isEqualTo(1);
            }
            List<Run> runs = one.runs().list(job.id(), 100);
            assertThat(runs).hasSize(5);
            assertThat(runs.stream().map(Run::scheduledFor).distinct().count()).isEqualTo(5);
        }
    }
}
