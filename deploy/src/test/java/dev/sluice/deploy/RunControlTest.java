package dev.sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.deploy.model.DeploymentType;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.EnvironmentDraft;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.JobDraft;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunCause;
import dev.sluice.deploy.model.RunStatus;
import dev.sluice.deploy.model.RunStep;
import dev.sluice.deploy.model.StepStatus;
import dev.sluice.deploy.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run at a time per environment, cancel, timeout, retry from the failed step, secrets kept out of logs. */
class RunControlTest {
    /** Minutes of work for DuckDB, so only a cancel or a timeout ends it. */
    static final String SLOW = "{{ config(materialized='table') }}\n"
            + "select sum(a.range * b.range) as s from range(100000) a, range(100000) b\n";

    @TempDir
    Path home;

    @BeforeEach
    void repo() throws Exception {
        Fixtures.tinyRepo(home, Map.of(
                "models/ok.sql", "{{ log('token is ' ~ env_var('DBT_ENV_SECRET_TOKEN'), info=True) }}\nselect 1 as v\n",
                "models/needs_env.sql", "{{ config(materialized='table') }}\nselect cast('{{ env_var('READY', 'not yet') }}' as integer) as v\n",
                "models/slow.sql", SLOW));
    }

    private static Environment environment(Deploy deploy) {
        return deploy.environments().create(EnvironmentDraft.deployment("Deployment", DeploymentType.PRODUCTION)
                .profileTarget("dev").schema("prod").variable("DBT_ENV_SECRET_TOKEN", "s3cr3t-value"));
    }

    private static Run await(Deploy deploy, long runId, Predicate<Run> until) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Run run = deploy.runs().get(runId);
            if (until.test(run)) {
                return run;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + " did not get there: " + deploy.runs().get(runId));
    }

    /** Waits until the run's first step has started its SQL (a START line in its log). */
    private static void awaitSqlRunning(Deploy deploy, long runId) throws InterruptedException {
        Run run = await(deploy, runId, r -> r.status().finished()
                || deploy.runs().logs(r.id(), 1).stream().anyMatch(l -> l.text().contains("START")));
        assertThat(run.status().finished()).as("run ended early: %s", run).isFalse();
        Thread.sleep(300);
    }

    @Test
    void twoRunsOfOneEnvironmentNeverOverlap() throws Exception {
        try (Store store = Store.inMemory("overlap")) {
            Deploy deploy = Deploy.open(DeployConfig.builder(home).build(), store);
            Environment env = environment(deploy);
            Job a = deploy.jobs().create(new JobDraft("A", env.id()).commands("sluice run -s ok"));
            Job b = deploy.jobs().create(new JobDraft("B", env.id()).commands("sluice run --select ok"));
            Run first = deploy.runs().enqueue(a.id(), Runs.Request.manual("test"));
            Run second = deploy.runs().enqueue(b.id(), Runs.Request.manual("test"));
            try (Worker worker = deploy.startWorker("two-slots", 2)) {
                first = await(deploy, first.id(), r -> r.status().finished());
                second = await(deploy, second.id(), r -> r.status().finished());
            }
            assertThat(first.status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(second.status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(second.startedAt()).isAfterOrEqualTo(first.finishedAt());
        }
    }

    @Test
    void cancellingARunStopsItsSqlAndEndsItAsCancelled() throws Exception {
        try (Store store = Store.inMemory("cancel")) {
            Deploy deploy = Deploy.open(DeployConfig.builder(home).build(), store);
            Environment env = environment(deploy);
            Job slow = deploy.jobs().create(new JobDraft("Slow", env.id())
                    .commands("sluice run -s slow", "sluice run -s ok"));
            Run run = deploy.runs().enqueue(slow.id(), Runs.Request.manual("test"));
            Run ended;
            long asked;
            try (Worker worker = deploy.startWorker("one-slot", 1)) {
                awaitSqlRunning(deploy, run.id());
                asked = System.nanoTime();
                assertThat(deploy.runs().cancel(run.id()).cancelRequested()).isTrue();
                ended = await(deploy, run.id(), r -> r.status().finished());
            }
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(20));
            assertThat(ended.status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(deploy.runs().steps(run.id())).extracting(RunStep::status)
                    .containsExactly(StepStatus.CANCELLED, StepStatus.CANCELLED);
            assertThat(WalkthroughTest.text(deploy.runs().logs(run.id(), 1))).contains("stopping the step's SQL");
            assertThat(Fixtures.rowCounts(home.resolve("tiny.duckdb"), "prod")).doesNotContainKey("slow");
        }
    }

    @Test
    void aRunPastItsTimeoutEndsAsAnError() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
        try (Store store = Store.inMemory("timeout")) {
            Deploy deploy = Deploy.open(DeployConfig.builder(home).clock(clock).build(), store);
            Environment env = environment(deploy);
            Job slow = deploy.jobs().create(new JobDraft("Slow", env.id()).commands("sluice run -s slow")
                    .timeoutSeconds(60));
            Run run = deploy.runs().enqueue(slow.id(), Runs.Request.manual("test"));
            Run ended;
            try (Worker worker = deploy.startWorker("one-slot", 1)) {
                awaitSqlRunning(deploy, run.id());
                clock.advance(Duration.ofSeconds(61));
                ended = await(deploy, run.id(), r -> r.status().finished());
            }
            assertThat(ended.status()).isEqualTo(RunStatus.ERROR);
            assertThat(ended.statusMessage()).isEqualTo("Timed out after 60 seconds");
            assertThat(deploy.runs().steps(run.id())).extracting(RunStep::status).containsExactly(StepStatus.ERROR);
        }
    }

    @Test
    void retryResumesFromTheFailedStepAndSecretsNeverReachTheLog() throws Exception {
        try (Store store = Store.inMemory("retry")) {
            Deploy deploy = Deploy.open(DeployConfig.builder(home).build(), store);
            Environment env = environment(deploy);
            Job job = deploy.jobs().create(new JobDraft("Three steps", env.id())
                    .commands("sluice run -s ok", "sluice run -s needs_env", "sluice test"));
            Run failed;
            try (Worker worker = deploy.worker("inline")) {
                failed = worker.runUntilFinished(deploy.runs().enqueue(job.id(), Runs.Request.manual("t")).id());
            }
            assertThat(failed.status()).isEqualTo(RunStatus.ERROR);
            assertThat(failed.statusMessage()).startsWith("Step 2 (`sluice run -s needs_env`) failed");
            assertThat(deploy.runs().steps(failed.id())).extracting(RunStep::status)
                    .containsExactly(StepStatus.SUCCESS, StepStatus.ERROR, StepStatus.SKIPPED);
            String log = WalkthroughTest.text(deploy.runs().logs(failed.id(), null));
            assertThat(log).contains("token is *****").contains("not yet").doesNotContain("s3cr3t-value");
            assertThat(deploy.runs().artifact(failed.id(), 1, "manifest.json").orElseThrow())
                    .doesNotContain("s3cr3t-value");

            deploy.environments().edit("Deployment", d -> d.variables.put("READY", "42"));
            Run retry = deploy.runs().retry(failed.id());
            assertThat(retry.cause()).isEqualTo(RunCause.RETRY);
            assertThat(retry.retryOfRunId()).isEqualTo(failed.id());
            assertThat(retry.firstStep()).isEqualTo(2);
            assertThat(retry.gitSha()).isEqualTo(failed.gitSha());
            Run resumed;
            try (Worker worker = deploy.worker("inline")) {
                resumed = worker.runUntilFinished(retry.id());
            }
            assertThat(resumed.status()).as(resumed.statusMessage()).isEqualTo(RunStatus.SUCCESS);
            List<RunStep> steps = deploy.runs().steps(resumed.id());
            assertThat(steps).extracting(RunStep::index).containsExactly(2, 3);
            assertThat(steps).extracting(RunStep::status).containsOnly(StepStatus.SUCCESS);
            assertThat(Fixtures.rowCounts(home.resolve("tiny.duckdb"), "prod"))
                    .containsEntry("ok", 1L).containsEntry("needs_env", 1L);

            // A job deferring to this one reads the state of its last successful run.
            Job deferred = deploy.jobs().create(new JobDraft("Deferred", env.id()).commands("sluice run -s ok")
                    .deferToJob(job.id()));
            Run withState;
            try (Worker worker = deploy.worker("inline")) {
                withState = worker.runUntilFinished(deploy.runs().enqueue(deferred.id(),
                        Runs.Request.manual("t")).id());
            }
            assertThat(withState.status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(WalkthroughTest.text(deploy.runs().logs(withState.id(), 0)))
                    .contains("Deferring to run " + resumed.id() + " of job Three steps.");
        }
    }
}
