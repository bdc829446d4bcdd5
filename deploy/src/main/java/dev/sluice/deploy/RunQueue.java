package dev.sluice.deploy;

import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunCause;
import dev.sluice.deploy.model.RunStatus;
import dev.sluice.deploy.model.StepStatus;
import dev.sluice.deploy.store.Sql;
import dev.sluice.deploy.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The queue as workers see it. Every decision lives in the store, never in memory, so several processes can share
 * one store: a worker claims a run inside a transaction that locks the run's environment row and the run row
 * ({@code select ... for update skip locked}), and only when no other run of that environment is starting or running;
 * workers heartbeat, and a run whose worker stopped heartbeating is ended as an error by whoever notices first.
 */
public final class RunQueue {
    private final Store store;
    private final Clock clock;

    RunQueue(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Registers a worker process; returns its id. */
    public String registerWorker(String host) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        store.tx(c -> Sql.update(c, "insert into worker (id, host, started_at, heartbeat_at) values (?, ?, ?, ?)",
                id, host, now, now));
        return id;
    }

    /** The worker is alive: its heartbeat and that of its active runs move to now. */
    public void heartbeat(String workerId) {
        Instant now = clock.instant();
        store.tx(c -> {
            Sql.update(c, "update worker set heartbeat_at = ? where id = ?", now, workerId);
            return Sql.update(c, "update run set heartbeat_at = ? where worker_id = ? and status in ('starting',"
                    + " 'running')", now, workerId);
        });
    }

    public void stopWorker(String workerId) {
        store.tx(c -> Sql.update(c, "update worker set stopped_at = ? where id = ?", clock.instant(), workerId));
    }

    /**
     * Claims the oldest queued run whose environment is idle, for {@code workerId}: the run moves to starting. Empty
     * when nothing can start now (queue empty, or every queued run waits for its environment).
     */
    public Optional<Run> claim(String workerId) {
        return store.tx(c -> {
            List<long[]> queued = Sql.list(c, "select id, environment_id from run where status = 'queued'"
                    + " order by queued_at, id limit 50", rs -> new long[] {rs.getLong(1), rs.getLong(2)});
            Set<Long> seen = new HashSet<>();
            for (long[] candidate : queued) {
                long runId = candidate[0];
                long environmentId = candidate[1];
                if (!seen.add(environmentId)) {
                    continue; // only the oldest queued run of an environment may start
                }
                // Serializes claims within one environment across processes; another claimer there is skipped.
                if (Sql.one(c, "select id from environment where id = ? for update skip locked", rs -> rs.getLong(1),
                        environmentId).isEmpty()) {
                    continue;
                }
                long active = Sql.one(c, "select count(*) from run where environment_id = ? and status in"
                        + " ('starting', 'running')", rs -> rs.getLong(1), environmentId).orElse(0L);
                if (active > 0) {
                    continue;
                }
                if (Sql.one(c, "select id from run where id = ? and status = 'queued' for update skip locked",
                        rs -> rs.getLong(1), runId).isEmpty()) {
                    continue;
                }
                Instant now = clock.instant();
                Sql.update(c, "update run set status = 'starting', worker_id = ?, started_at = ?, heartbeat_at = ?"
                        + " where id = ?", workerId, now, now, runId);
                return Optional.of(Runs.get(c, runId));
            }
            return Optional.empty();
        });
    }

    /** The run checked out its commit and starts its first step. */
    public void markRunning(long runId, String branch, String sha) {
        store.tx(c -> Sql.update(c, "update run set status = 'running', git_branch = ?, git_sha = ? where id = ?",
                branch, sha, runId));
    }

    public void startStep(long runId, int step) {
        store.tx(c -> Sql.update(c, "update run_step set status = 'running', started_at = ? where run_id = ? and"
                + " step_index = ?", clock.instant(), runId, step));
    }

    public void finishStep(long runId, int step, StepStatus status, String message) {
        store.tx(c -> Sql.update(c, "update run_step set status = ?, finished_at = ?, status_message = ?"
                + " where run_id = ? and step_index = ?", status, clock.instant(), truncate(message), runId, step));
    }

    public void log(long runId, int step, int seq, Instant at, String level, String line) {
        store.tx(c -> Sql.update(c, "insert into run_log (run_id, step_index, seq, logged_at, log_level, line)"
                + " values (?, ?, ?, ?, ?, ?)", runId, step, seq, at, level, line));
    }

    public void artifact(long runId, int step, String path, String content) {
        store.tx(c -> {
            Sql.update(c, "delete from run_artifact where run_id = ? and step_index = ? and path = ?", runId, step,
                    path);
            return Sql.update(c, "insert into run_artifact (run_id, step_index, path, size_bytes, content)"
                    + " values (?, ?, ?, ?, ?)", runId, step, path,
                    (long) content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, content);
        });
    }

    public boolean cancelRequested(long runId) {
        return store.tx(c -> Sql.one(c, "select cancel_requested from run where id = ?", rs -> rs.getBoolean(1),
                runId).orElse(false));
    }

    /**
     * Ends an active run (once: a run that has finished already is left alone). Steps that never started are marked
     * skipped (cancelled when the run was). Runs of jobs whose completion trigger matches are queued in the same
     * transaction. Returns the run as it ended, or empty when it had already finished.
     */
    public Optional<Run> finish(long runId, RunStatus status, String message) {
        return store.tx(c -> finish(c, clock, runId, status, message));
    }

    static Optional<Run> finish(Connection c, Clock clock, long runId, RunStatus status, String message)
            throws SQLException {
        Instant now = clock.instant();
        int changed = Sql.update(c, "update run set status = ?, finished_at = ?, status_message = ? where id = ?"
                + " and status in ('queued', 'starting', 'running')", status, now, truncate(message), runId);
        if (changed == 0) {
            return Optional.empty();
        }
        StepStatus left = status == RunStatus.CANCELLED ? StepStatus.CANCELLED : StepStatus.SKIPPED;
        Sql.update(c, "update run_step set status = ?, finished_at = ? where run_id = ? and status = 'running'",
                status == RunStatus.SUCCESS ? StepStatus.SUCCESS : status == RunStatus.CANCELLED
                        ? StepStatus.CANCELLED : StepStatus.ERROR, now, runId);
        Sql.update(c, "update run_step set status = ? where run_id = ? and status = 'queued'", left, runId);
        Run run = Runs.get(c, runId);
        fireCompletionTriggers(c, clock, run);
        return Optional.of(run);
    }

    /** Queues the jobs that run when {@code finished}'s job completes with its status. */
    static void fireCompletionTriggers(Connection c, Clock clock, Run finished) throws SQLException {
        List<Job> followers = Sql.list(c, "select * from job where completion_of_job_id = ? order by id", Jobs::row,
                finished.jobId());
        for (Job job : followers) {
            if (job.triggers().completionStatuses().contains(finished.status())) {
                Runs.enqueue(c, clock, job, new Runs.Request(RunCause.COMPLETION, "Run " + finished.id()
                        + " of job " + finished.jobId() + " ended " + finished.status().key(), finished.id(), null,
                        null, null, null));
            }
        }
    }

    /**
     * Ends as errors the runs whose worker stopped heartbeating for longer than {@code lease} (or is gone, or
     * stopped): what a process that died mid-run left behind. Returns the ids of the runs so ended.
     */
    public List<Long> recover(Duration lease) {
        Instant cutoff = clock.instant().minus(lease);
        return store.tx(c -> {
            List<Long> orphans = Sql.list(c, "select r.id from run r left join worker w on w.id = r.worker_id"
                    + " where r.status in ('starting', 'running') and (w.id is null or w.stopped_at is not null"
                    + " or w.heartbeat_at < ?) order by r.id", rs -> rs.getLong(1), cutoff);
            List<Long> ended = new ArrayList<>();
            for (long id : orphans) {
                if (Sql.one(c, "select id from run where id = ? and status in ('starting', 'running')"
                        + " for update skip locked", rs -> rs.getLong(1), id).isEmpty()) {
                    continue;
                }
                Run run = Runs.get(c, id);
                String message = "The Sluice process running this run (worker " + run.workerId() + ") stopped"
                        + " without finishing it; its last heartbeat was at " + run.heartbeatAt() + ".";
                if (finish(c, clock, id, RunStatus.ERROR, message).isPresent()) {
                    ended.add(id);
                }
            }
            return ended;
        });
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 3900 ? text : text.substring(0, 3900) + " ...";
    }
}
