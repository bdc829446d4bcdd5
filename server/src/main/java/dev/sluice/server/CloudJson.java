package dev.sluice.server;

import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.LogLine;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunStatus;
import dev.sluice.deploy.model.RunStep;
import dev.sluice.deploy.model.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Deploy objects as dbt Cloud's Administrative API v2 spells them (field names, numeric run statuses 1 queued,
 * 2 starting, 3 running, 10 success, 20 error, 30 cancelled). Passwords are never written; secret variables masked.
 */
final class CloudJson {
    static final long PROJECT_ID = 1;

    private CloudJson() {
    }

    static Map<String, Object> envelope(Object data, int code) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("code", code);
        status.put("is_success", code < 400);
        status.put("user_message", code < 400 ? "Success!" : null);
        status.put("developer_message", "");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status);
        out.put("data", data);
        return out;
    }

    static Map<String, Object> error(int code, String message) {
        Map<String, Object> out = envelope(null, code);
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) out.get("status");
        status.put("user_message", message);
        return out;
    }

    static int statusCode(RunStatus s) {
        return switch (s) {
            case QUEUED -> 1;
            case STARTING -> 2;
            case RUNNING -> 3;
            case SUCCESS -> 10;
            case ERROR -> 20;
            case CANCELLED -> 30;
        };
    }

    static String humanized(RunStatus s) {
        return switch (s) {
            case QUEUED -> "Queued";
            case STARTING -> "Starting";
            case RUNNING -> "Running";
            case SUCCESS -> "Success";
            case ERROR -> "Error";
            case CANCELLED -> "Cancelled";
        };
    }

    static int stepCode(StepStatus s) {
        return switch (s) {
            case QUEUED -> 1;
            case RUNNING -> 3;
            case SUCCESS -> 10;
            case ERROR -> 20;
            case CANCELLED -> 30;
            case SKIPPED -> 40;
        };
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    static String humanDuration(Duration d) {
        if (d == null) {
            return null;
        }
        long s = d.toSeconds();
        return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    static Map<String, Object> environment(Environment e, long accountId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("account_id", accountId);
        m.put("project_id", PROJECT_ID);
        m.put("name", e.name());
        m.put("type", e.isDeployment() ? "deployment" : "development");
        m.put("deployment_type", e.deploymentType() == null ? null : e.deploymentType().key());
        m.put("use_custom_branch", e.gitBranch() != null);
        m.put("custom_branch", e.gitBranch());
        m.put("branch", e.branch());
        m.put("profile_target", e.profileTarget());
        m.put("connection", e.connection());
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("schema", e.schema());
        credentials.put("user", e.user());
        credentials.put("has_password", e.password() != null);
        credentials.put("target_name", e.targetName());
        credentials.put("threads", e.threads());
        m.put("credentials", credentials);
        m.put("environment_variables", e.shownVariables());
        m.put("state", 1);
        m.put("created_at", time(e.createdAt()));
        m.put("updated_at", time(e.updatedAt()));
        return m;
    }

    static Map<String, Object> job(Job j, long accountId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("account_id", accountId);
        m.put("project_id", PROJECT_ID);
        m.put("environment_id", j.environmentId());
        m.put("name", j.name());
        m.put("execute_steps", j.commands());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("threads", j.execution().threads());
        settings.put("target_name", null);
        m.put("settings", settings);
        m.put("generate_docs", j.execution().generateDocs());
        m.put("run_generate_sources", j.execution().runFreshness());
        m.put("deferring_job_definition_id", j.execution().deferToJobId());
        m.put("deferring_environment_id", j.execution().deferToEnvironmentId());
        m.put("timeout_seconds", j.execution().timeoutSeconds() == null ? 0 : j.execution().timeoutSeconds());
        Map<String, Object> triggers = new LinkedHashMap<>();
        triggers.put("schedule", j.triggers().cron() != null);
        triggers.put("git_provider_webhook", j.triggers().onCommit());
        triggers.put("github_webhook", false);
        triggers.put("on_merge", false);
        m.put("triggers", triggers);
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("cron", j.triggers().cron());
        schedule.put("time_zone", j.triggers().timeZone());
        m.put("schedule", schedule);
        if (j.triggers().completionOfJobId() != null) {
            Map<String, Object> condition = new LinkedHashMap<>();
            condition.put("job_id", j.triggers().completionOfJobId());
            condition.put("project_id", PROJECT_ID);
            condition.put("statuses", j.triggers().completionStatuses().stream().map(CloudJson::statusCode)
                    .sorted().collect(Collectors.toList()));
            m.put("job_completion_trigger_condition", Map.of("condition", condition));
        } else {
            m.put("job_completion_trigger_condition", null);
        }
        m.put("job_type", j.triggers().cron() != null ? "scheduled" : "other");
        m.put("state", 1);
        m.put("created_at", time(j.createdAt()));
        m.put("updated_at", time(j.updatedAt()));
        return m;
    }

    static Map<String, Object> run(Run r, long accountId, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("account_id", accountId);
        m.put("project_id", PROJECT_ID);
        m.put("job_definition_id", r.jobId());
        m.put("job_id", r.jobId());
        m.put("environment_id", r.environmentId());
        m.put("status", statusCode(r.status()));
        m.put("status_humanized", humanized(r.status()));
        m.put("status_message", r.statusMessage());
        m.put("git_branch", r.gitBranch());
        m.put("git_sha", r.gitSha());
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("cause", r.causeDetail());
        trigger.put("cause_category", r.cause().key());
        trigger.put("git_sha_override", null);
        trigger.put("schema_override", r.schemaOverride());
        trigger.put("threads_override", r.threads());
        trigger.put("steps_override", r.commands());
        m.put("trigger", trigger);
        m.put("retry_of_run_id", r.retryOfRunId());
        m.put("scheduled_for", time(r.scheduledFor()));
        m.put("created_at", time(r.queuedAt()));
        m.put("dequeued_at", time(r.startedAt()));
        m.put("started_at", time(r.startedAt()));
        m.put("finished_at", time(r.finishedAt()));
        Duration d = r.duration(now);
        m.put("duration", d == null ? null : d.toSeconds());
        m.put("duration_humanized", humanDuration(d));
        m.put("generate_docs", r.generateDocs());
        m.put("is_complete", r.status().finished());
        m.put("is_success", r.status() == RunStatus.SUCCESS);
        m.put("is_error", r.status() == RunStatus.ERROR);
        m.put("is_cancelled", r.status() == RunStatus.CANCELLED);
        m.put("in_progress", r.status().active());
        m.put("href", "/deploy/runs/" + r.id());
        return m;
    }

    static Map<String, Object> step(RunStep s, long accountId, List<LogLine> logs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.runId() * 1000 + s.index());
        m.put("run_id", s.runId());
        m.put("account_id", accountId);
        m.put("index", s.index());
        m.put("name", "Invoke " + s.command());
        m.put("kind", s.kind());
        m.put("status", stepCode(s.status()));
        m.put("status_humanized", s.status().key().substring(0, 1).toUpperCase() + s.status().key().substring(1));
        m.put("status_message", s.statusMessage());
        m.put("started_at", time(s.startedAt()));
        m.put("finished_at", time(s.finishedAt()));
        m.put("duration", s.duration() == null ? null : s.duration().toSeconds());
        m.put("duration_humanized", humanDuration(s.duration()));
        if (logs != null) {
            m.put("logs", logs.stream().map(LogLine::text).collect(Collectors.joining("\n")));
        }
        return m;
    }
}
