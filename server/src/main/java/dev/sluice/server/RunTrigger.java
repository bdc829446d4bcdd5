package dev.sluice.server;

import dev.sluice.deploy.Deploy;
import dev.sluice.deploy.DeployException;
import dev.sluice.deploy.Json;
import dev.sluice.deploy.Runs;
import dev.sluice.deploy.command.JobCommand;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunCause;
import dev.sluice.deploy.run.StepPlan;
import dev.sluice.deploy.store.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * Queues a run for the API's {@code jobs/{id}/run/}: a cause and overrides. Without {@code steps_override} this is
 * {@link Runs#enqueue}; with it, the run is inserted here with the given commands (each validated as a job command),
 * in one transaction, the same rows deploy writes.
 */
final class RunTrigger {
    record Overrides(String cause, String gitSha, String schemaOverride, Integer threadsOverride,
                     List<String> stepsOverride) {
    }

    private RunTrigger() {
    }

    static Run trigger(Deploy deploy, long jobId, Overrides o, RunCause cause) {
        Job job = deploy.jobs().get(jobId);
        if (o.threadsOverride() != null && o.threadsOverride() < 1) {
            throw new DeployException("threads_override must be at least 1");
        }
        if (o.gitSha() != null && !o.gitSha().matches("[0-9a-fA-F]{7,40}")) {
            throw new DeployException("git_sha must be a commit hash");
        }
        if (o.schemaOverride() != null && !o.schemaOverride().matches("[A-Za-z_][A-Za-z0-9_$]{0,62}")) {
            throw new DeployException("schema_override '" + o.schemaOverride() + "' is not a schema name");
        }
        String detail = o.cause() == null || o.cause().isBlank() ? "Triggered via API" : o.cause();
        if (o.stepsOverride() == null || o.stepsOverride().isEmpty()) {
            return deploy.runs().enqueue(jobId, new Runs.Request(cause, detail, null, null, o.gitSha(),
                    o.schemaOverride(), o.threadsOverride()));
        }
        List<String> commands = new ArrayList<>();
        for (String line : o.stepsOverride()) {
            commands.add(JobCommand.parse(line).line());
        }
        var execution = job.execution();
        long id = deploy.store().tx(c -> {
            long runId = Sql.insert(c, "insert into run (job_id, environment_id, status, cause, cause_detail,"
                    + " trigger_run_id, scheduled_for, git_sha, commands, first_step, generate_docs, run_freshness,"
                    + " threads, timeout_seconds, schema_override, queued_at, cancel_requested)"
                    + " values (?, ?, 'queued', ?, ?, null, null, ?, ?, 1, ?, ?, ?, ?, ?, ?, false)",
                    job.id(), job.environmentId(), cause.key(), detail, o.gitSha(), Json.write(commands),
                    execution.generateDocs(), execution.runFreshness(),
                    o.threadsOverride() != null ? o.threadsOverride() : execution.threads(),
                    execution.timeoutSeconds(), o.schemaOverride(), deploy.config().clock().instant());
            for (StepPlan.Planned step : StepPlan.of(commands, execution.runFreshness(), execution.generateDocs())) {
                Sql.update(c, "insert into run_step (run_id, step_index, kind, command, status)"
                        + " values (?, ?, ?, ?, 'queued')", runId, step.index(), step.kind(), step.command());
            }
            return runId;
        });
        return deploy.runs().get(id);
    }
}
