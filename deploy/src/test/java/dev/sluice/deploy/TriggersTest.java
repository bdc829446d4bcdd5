package dev.sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.deploy.git.GitRepo;
import dev.sluice.deploy.model.DeploymentType;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.EnvironmentDraft;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.JobDraft;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunCause;
import dev.sluice.deploy.model.RunStatus;
import dev.sluice.deploy.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cron schedules driven by a test clock, completion triggers, and commits to the watched branch. */
class TriggersTest {
    @TempDir
    Path home;

    @Test
    void cronCompletionAndCommitTriggersQueueTheirRunsExactlyOnce() throws Exception {
        Fixtures.tinyRepo(home, Map.of("models/m.sql", "select 1 as x"));
        ManualClock clock = new ManualClock(Instant.parse("2026-03-02T05:00:00Z")); // 06:00 in Paris
        try (Store store = Store.inMemory("triggers")) {
            Deploy deploy = Deploy.open(DeployConfig.builder(home).clock(clock).build(), store);
            Deploy other = Deploy.open(DeployConfig.builder(home).clock(clock).build(), store); // a second process
            Environment env = deploy.environments().create(EnvironmentDraft.deployment("Deployment",
                    DeploymentType.PRODUCTION).profileTarget("dev").schema("prod"));
            Job nightly = deploy.jobs().create(new JobDraft("Nightly", env.id()).commands("sluice run")
                    .cron("30 6 * * *", "Europe/Paris"));
            Job after = deploy.jobs().create(new JobDraft("After nightly", env.id()).commands("sluice run")
                    .onCompletionOf(nightly.id(), RunStatus.SUCCESS));
            Job watcher = deploy.jobs().create(new JobDraft("On merge", env.id()).commands("sluice run")
                    .onCommit(true));

            // Cron: nothing before 06:30 Paris; at 06:30:00 exactly one run, whoever ticks.
            clock.set(Instant.parse("2026-03-02T05:29:59Z"));
            assertThat(deploy.scheduler().tick()).isEmpty(); // also records main's head for the watcher
            clock.set(Instant.parse("2026-03-02T05:30:00Z"));
            List<Run> fired = deploy.scheduler().tick();
            assertThat(fired).hasSize(1);
            Run scheduled = fired.get(0);
            assertThat(scheduled.jobId()).isEqualTo(nightly.id());
            assertThat(scheduled.cause()).isEqualTo(RunCause.SCHEDULE);
            assertThat(scheduled.scheduledFor()).isEqualTo(Instant.parse("2026-03-02T05:30:00Z"));
            clock.set(Instant.parse("2026-03-02T05:30:40Z"));
            assertThat(deploy.scheduler().tick()).isEmpty();
            assertThat(other.scheduler().tick()).isEmpty();
            assertThat(deploy.runs().list(nightly.id(), 10)).hasSize(1);

            // Completion: the nightly run succeeds, which queues "After nightly"; the worker runs both.
            List<Run> done;
            try (Worker worker = deploy.worker("triggers")) {
                done = worker.runAvailable();
            }
            assertThat(done).extracting(Run::jobId).containsExactly(nightly.id(), after.id());
            assertThat(done).allMatch(r -> r.status() == RunStatus.SUCCESS);
            Run followed = done.get(1);
            assertThat(followed.cause()).isEqualTo(RunCause.COMPLETION);
            assertThat(followed.triggerRunId()).isEqualTo(scheduled.id());

            // Commit: a new commit on main queues the branch-watching job, pinned to that commit, once.
            String head;
            try (GitRepo repo = GitRepo.open(home, Map.of())) {
                Fixtures.write(home, "models/n.sql", "select 2 as y");
                head = repo.commitAll("Add n").orElseThrow();
            }
            List<Run> onCommit = other.scheduler().tick();
            assertThat(onCommit).hasSize(1);
            assertThat(onCommit.get(0).jobId()).isEqualTo(watcher.id());
            assertThat(onCommit.get(0).cause()).isEqualTo(RunCause.COMMIT);
            assertThat(onCommit.get(0).gitSha()).isEqualTo(head);
            assertThat(deploy.scheduler().tick()).isEmpty();
            try (Worker worker = deploy.worker("triggers-2")) {
                Run ran = worker.runUntilFinished(onCommit.get(0).id());
                assertThat(ran.status()).isEqualTo(RunStatus.SUCCESS);
                assertThat(ran.gitSha()).isEqualTo(head);
            }
            assertThat(Fixtures.rowCounts(home.resolve("tiny.duckdb"), "prod")).containsOnlyKeys("m", "n");

            // The next day's 06:30 Paris fires again.
            clock.set(Instant.parse("2026-03-03T05:30:00Z"));
            assertThat(deploy.scheduler().tick()).extracting(Run::scheduledFor)
                    .containsExactly(Instant.parse("2026-03-03T05:30:00Z"));
        }
    }
}
