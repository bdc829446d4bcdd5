package dev.sluice.deploy;

import dev.sluice.deploy.model.Artifact;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.LogLine;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunCause;
import dev.sluice.deploy.model.RunStatus;
import dev.sluice.deploy.model.RunStep;
import dev.sluice.deploy.model.StepStatus;
import dev.sluice.deploy.run.StepPlan;
import dev.sluice.deploy.store.Sql;
import dev.sluice.deploy.store.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs in the store: queueing (Run now, triggers, retry), cancelling, reading history, steps, logs and artifacts.
 * Workers claim and update runs through {@link RunQueue}.
 */
public final class Runs {
    private final Store store;
    private final Clock clock;

    Runs(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What a new run is asked for with; null fields take the job's values. */
    public record Request(RunCause cause, String causeDetail, Long triggerRunId, Instant scheduledFor, String gitSha,
                          String schemaOverride, Integer threadsOverride) {
        public static Request manual(String detail) {
            return new Request(RunCause.MANUAL, detail, null, null, null, null, null);
        }
    }

    /** Queues a run of the job; see {@link #enqueue(Connection, Clock, Job, Request)}. */
    public Run enqueue(long jobId, Request request) {
        return store.tx(c -> get(c, enqueue(c, clock, Jobs.load(c, jobId), request).orElseThrow()));
    }

    /**
     * Inserts a queued run with its planned steps. A scheduled run is created at most once per job and minute (the
     * unique key on job and scheduled time), so several schedulers on one store never double it: empty then.
     */
    static Optional<Long> enqueue(Connection c, Clock clock, Job job, Request r) throws SQLException {
        if (r.scheduledFor() != null && Sql.one(c, "select id from run where job_id = ? and scheduled_for = ?",
                rs -> rs.getLong(1), job.id(), r.scheduledFor()).isPresent()) {
            return Optional.empty();
        }
        var execution = job.execution();
        long id = Sql.insert(c, "insert into run (job_id, environment_id, status, cause, cause_detail, trigger_run_id,"
                + " scheduled_for, git_sha, commands, first_step, generate_docs, run_freshness, threads,"
                + " timeout_seconds, schema_override, queued_at, cancel_requested)"
                + " values (?, ?, 'queued', ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, false)",
                job.id(), job.environmentId(), r.cause(), r.causeDetail(), r.triggerRunId(), r.scheduledFor(),
                r.gitSha(), Json.write(job.commands()), execution.generateDocs(), execution.runFreshness(),
                r.threadsOverride() != null ? r.threadsOverride() : execution.threads(), execution.timeoutSeconds(),
                r.schemaOverride(), clock.instant());
        for (StepPlan.Planned step : StepPlan.of(job.commands(), execution.runFreshness(), execution.generateDocs())) {
            insertStep(c, id, step);
        }
        return Optional.of(id);
    }

    private static void insertStep(Connection c, long runId, StepPlan.Planned step) throws SQLException {
        Sql.update(c, "insert into run_step (run_id, step_index, kind, command, status) values (?, ?, ?, ?, 'queued')",
                runId, step.index(), step.kind(), step.command());
    }

    /**
     * Re-runs a failed or cancelled run from its first step that did not succeed, at the same commit, with the same
     * commands and settings.
     */
    public Run retry(long runId) {
        return store.tx(c -> {
            Run failed = get(c, runId);
            if (failed.status() != RunStatus.ERROR && failed.status() != RunStatus.CANCELLED) {
                throw new DeployException("Run " + runId + " is " + failed.status().key() + "; only a run that ended"
                        + " in error or was cancelled can be retried.");
            }
            List<RunStep> steps = steps(c, runId);
            int from = steps.stream().filter(s -> s.status() != StepStatus.SUCCESS).mapToInt(RunStep::index)
                    .min().orElse(failed.firstStep());
            long id = Sql.insert(c, "insert into run (job_id, environment_id, status, cause, cause_detail,"
                    + " retry_of_run_id, git_branch, git_sha, commands, first_step, generate_docs, run_freshness,"
                    + " threads, timeout_seconds, schema_override, queued_at, cancel_requested)"
                    + " values (?, ?, 'queued', 'retry', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)",
                    failed.jobId(), failed.environmentId(), "Retry of run " + runId + " from step " + from, runId,
                    failed.gitBranch(), failed.gitSha(), Json.write(failed.commands()), from, failed.generateDocs(),
                    failed.runFreshness(), failed.threads(), failed.timeoutSeconds(), failed.schemaOverride(),
                    clock.instant());
            for (StepPlan.Planned step : StepPlan.of(failed.commands(), failed.runFreshness(),
                    failed.generateDocs())) {
                if (step.index() >= from) {
                    insertStep(c, id, step);
                }
            }
            return get(c, id);
        });
    }

    /**
     * Cancels a run: a queued run ends as cancelled at once; a running one is asked to stop (its worker cancels the
     * step's SQL and ends it as cancelled). Returns the run as it is now.
     */
    public Run cancel(long runId) {
        return store.tx(c -> {
            Run run = get(c, runId);
            if (run.status() == RunStatus.QUEUED) {
                Instant now = clock.instant();
                Sql.update(c, "update run set status = 'cancelled', finished_at = ?, status_message = ?"
                        + " where id = ? and status = 'queued'", now, "Cancelled before it started", runId);
                Sql.update(c, "update run_step set status = 'cancelled' where run_id = ? and status = 'queued'", runId);
                RunQueue.fireCompletionTriggers(c, clock, get(c, runId));
            } else if (run.status().active()) {
                Sql.update(c, "update run set cancel_requested = true where id = ?", runId);
            } else {
                throw new DeployException("Run " + runId + " has finished (" + run.status().key()
                        + "); there is nothing to cancel.");
            }
            return get(c, runId);
        });
    }

    public Run get(long runId) {
        return store.tx(c -> get(c, runId));
    }

    static Run get(Connection c, long runId) throws SQLException {
        return Sql.one(c, "select * from run where id = ?", Runs::row, runId)
                .orElseThrow(() -> new DeployException("No run with id " + runId + ". `sluice runs list` shows them."));
    }

    /** The newest runs first; {@code jobId} null for all jobs. */
    public List<Run> list(Long jobId, int limit) {
        return store.tx(c -> jobId == null
                ? Sql.list(c, "select * from run order by id desc limit ?", Runs::row, limit)
                : Sql.list(c, "select * from run where job_id = ? order by id desc limit ?", Runs::row, jobId, limit));
    }

    public List<RunStep> steps(long runId) {
        return store.tx(c -> steps(c, runId));
    }

    static List<RunStep> steps(Connection c, long runId) throws SQLException {
        return Sql.list(c, "select * from run_step where run_id = ? order by step_index", rs -> new RunStep(
                rs.getLong("run_id"), rs.getInt("step_index"), rs.getString("kind"), rs.getString("command"),
                StepStatus.of(rs.getString("status")), Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"),
                rs.getString("status_message")), runId);
    }

    /** The run's log lines, in order; {@code step} null for every step (0 is the run's own lines). */
    public List<LogLine> logs(long runId, Integer step) {
        return logs(runId, step, -1);
    }

    /** Log lines after {@code afterSeq} of one step (for following a running step), or of all steps. */
    public List<LogLine> logs(long runId, Integer step, int afterSeq) {
        return store.tx(c -> step == null
                ? Sql.list(c, "select * from run_log where run_id = ? order by step_index, seq", Runs::logRow, runId)
                : Sql.list(c, "select * from run_log where run_id = ? and step_index = ? and seq > ? order by seq",
                        Runs::logRow, runId, step, afterSeq));
    }

    private static LogLine logRow(ResultSet rs) throws SQLException {
        return new LogLine(rs.getLong("run_id"), rs.getInt("step_index"), rs.getInt("seq"),
                Sql.instant(rs, "logged_at"), rs.getString("log_level"), rs.getString("line"));
    }

    public List<Artifact> artifacts(long runId) {
        return store.tx(c -> Sql.list(c, "select run_id, step_index, path, size_bytes from run_artifact"
                + " where run_id = ? order by step_index, path", rs -> new Artifact(rs.getLong(1), rs.getInt(2),
                rs.getString(3), rs.getLong(4)), runId));
    }

    /** An artifact's text: of the given step, or (step null) of the latest step that left that file. */
    public Optional<String> artifact(long runId, Integer step, String path) {
        return store.tx(c -> step == null
                ? Sql.one(c, "select content from run_artifact where run_id = ? and path = ?"
                        + " order by step_index desc limit 1", rs -> rs.getString(1), runId, path)
                : Sql.one(c, "select content from run_artifact where run_id = ? and step_index = ? and path = ?",
                        rs -> rs.getString(1), runId, step, path));
    }

    /** The newest successful run of a job, or of any job of an environment (deferral's state). */
    public Optional<Run> lastSuccessful(Long jobId, Long environmentId) {
        return store.tx(c -> jobId != null
                ? Sql.one(c, "select * from run where job_id = ? and status = 'success' order by id desc limit 1",
                        Runs::row, jobId)
                : Sql.one(c, "select * from run where environment_id = ? and status = 'success'"
                        + " order by id desc limit 1", Runs::row, environmentId));
    }

    static Run row(ResultSet rs) throws SQLException {
        return new Run(rs.getLong("id"), rs.getLong("job_id"), rs.getLong("environment_id"),
                RunStatus.parse(rs.getString("status")), RunCause.of(rs.getString("cause")),
                rs.getString("cause_detail"), Sql.longOrNull(rs, "trigger_run_id"),
                Sql.longOrNull(rs, "retry_of_run_id"), Sql.instant(rs, "scheduled_for"), rs.getString("git_branch"),
                rs.getString("git_sha"), Json.stringList(rs.getString("commands")), rs.getInt("first_step"),
                rs.getBoolean("generate_docs"), rs.getBoolean("run_freshness"), Sql.integer(rs, "threads"),
                Sql.integer(rs, "timeout_seconds"), rs.getString("schema_override"), Sql.instant(rs, "queued_at"),
                Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"), rs.getString("worker_id"),
                Sql.instant(rs, "heartbeat_at"), rs.getBoolean("cancel_requested"), rs.getString("status_message"));
    }
}
