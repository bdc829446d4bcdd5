package dev.sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.EnvironmentDraft;
import dev.sluice.deploy.model.DeploymentType;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.JobDraft;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunStatus;
import dev.sluice.deploy.model.StepStatus;
import dev.sluice.deploy.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue on the real embedded store (H2 file): claims, one run per environment, recovery after a dead process. */
class QueueTest {
    @TempDir
    Path home;

    final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    Store store;
    Deploy deploy;
    Environment prod;
    Environment staging;

    @BeforeEach
    void open() {
        store = Store.embedded(home.resolve(".sluice"));
        deploy = Deploy.open(DeployConfig.builder(home).clock(clock).build(), store);
        prod = deploy.environments().create(EnvironmentDraft.deployment("Deployment", DeploymentType.PRODUCTION)
                .connection("type", "duckdb").connection("path", "w.duckdb").schema("production"));
        staging = deploy.environments().create(EnvironmentDraft.deployment("Staging", DeploymentType.STAGING)
                .connection("type", "duckdb").connection("path", "s.duckdb").schema("staging"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Job job(String name, Environment env) {
        return deploy.jobs().create(new JobDraft(name, env.id()).commands("sluice seed", "sluice run"));
    }

    @Test
    void aRunWaitsWhileAnotherRunOfItsEnvironmentIsActiveButOtherEnvironmentsGoOn() {
        Job a = job("A", prod);
        Job b = job("B", prod);
        Job c = job("C", staging);
        Run first = deploy.runs().enqueue(a.id(), Runs.Request.manual("test"));
        Run second = deploy.runs().enqueue(b.id(), Runs.Request.manual("test"));
        Run third = deploy.runs().enqueue(c.id(), Runs.Request.manual("test"));
        String w1 = deploy.queue().registerWorker("one");
        String w2 = deploy.queue().registerWorker("two");

        assertThat(deploy.queue().claim(w1)).map(Run::id).contains(first.id());
        // the second run of Deployment must wait; the staging run may start
        assertThat(deploy.queue().claim(w2)).map(Run::id).contains(third.id());
        assertThat(deploy.queue().claim(w2)).isEmpty();
        assertThat(deploy.runs().get(second.id()).status()).isEqualTo(RunStatus.QUEUED);

        deploy.queue().finish(first.id(), RunStatus.SUCCESS, null);
        Optional<Run> next = deploy.queue().claim(w2);
        assertThat(next).map(Run::id).contains(second.id());
        assertThat(next.get().status()).isEqualTo(RunStatus.STARTING);
        assertThat(next.get().workerId()).isEqualTo(w2);
        // a finished run is not finished twice
        assertThat(deploy.queue().finish(first.id(), RunStatus.ERROR, "again")).isEmpty();
    }

    @Test
    void aRunLeftRunningByADeadProcessIsMarkedFailedWhenAProcessComesBack() {
        Job a = job("A", prod);
        Run run = deploy.runs().enqueue(a.id(), Runs.Request.manual("test"));
        String dead = deploy.queue().registerWorker("dead");
        deploy.queue().claim(dead).orElseThrow();
        deploy.queue().markRunning(run.id(), "main", "0123456789abcdef");
        deploy.queue().startStep(run.id(), 1);
        store.close(); // the process dies: no finish, no more heartbeats

        clock.advance(Duration.ofMinutes(5));
        try (Store reopened = Store.embedded(home.resolve(".sluice"))) {
            Deploy again = Deploy.open(DeployConfig.builder(home).clock(clock).build(), reopened);
            Worker worker = again.worker("restarted");
            Run after = again.runs().get(run.id());
            assertThat(after.status()).isEqualTo(RunStatus.ERROR);
            assertThat(after.statusMessage()).contains("stopped without finishing it");
            assertThat(again.runs().steps(run.id())).extracting(s -> s.status())
                    .containsExactly(StepStatus.ERROR, StepStatus.SKIPPED);
            // a live worker's run is left alone
            Run other = again.runs().enqueue(a.id(), Runs.Request.manual("test"));
            again.queue().claim(worker.id()).orElseThrow();
            assertThat(again.queue().recover(Duration.ofSeconds(60))).isEmpty();
            assertThat(again.runs().get(other.id()).status()).isEqualTo(RunStatus.STARTING);
            worker.close();
        }
        store = Store.embedded(home.resolve(".sluice"));
    }

    @Test
    void cancellingAQueuedRunEndsItAtOnceAndRetryNeedsAFailedRun() {
        Job a = job("A", prod);
        Run run = deploy.runs().enqueue(a.id(), Runs.Request.manual("test"));
        assertThatThrownBy(() -> deploy.runs().retry(run.id())).hasMessageContaining("only a run that ended");
        Run cancelled = deploy.runs().cancel(run.id());
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(deploy.runs().steps(run.id())).allMatch(s -> s.status() == StepStatus.CANCELLED);
        assertThatThrownBy(() -> deploy.runs().cancel(run.id())).hasMessageContaining("nothing to cancel");
    }

    @Test
    void environmentsAreValidatedWhenSaved() {
        assertThatThrownBy(() -> deploy.environments().create(EnvironmentDraft.deployment("Other",
                DeploymentType.PRODUCTION).connection("type", "duckdb")))
                .hasMessageContaining("production environment already");
        assertThatThrownBy(() -> deploy.environments().create(EnvironmentDraft.development("Dev")))
                .hasMessageContaining("needs one connection");
        assertThatThrownBy(() -> deploy.environments().edit("Deployment", d -> d.schema = "drop table x"))
                .hasMessageContaining("is not a schema name");
        Environment edited = deploy.environments().edit("deployment", d -> d.schema = "prod_v2");
        assertThat(edited.schema()).isEqualTo("prod_v2");
        assertThat(edited.id()).isEqualTo(prod.id());
    }
}
