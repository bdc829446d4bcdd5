package dev.sluice.deploy;

import dev.sluice.deploy.command.JobCommand;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.JobDraft;
import dev.sluice.deploy.model.RunStatus;
import dev.sluice.deploy.schedule.CronSchedule;
import dev.sluice.deploy.store.Sql;
import dev.sluice.deploy.store.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Jobs in the store. Saving validates every command, the references and the triggers. */
public final class Jobs {
    private final Store store;
    private final Clock clock;

    Jobs(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<Job> list() {
        return store.tx(c -> Sql.list(c, "select * from job order by id", Jobs::row));
    }

    public Job get(long id) {
        return store.tx(c -> load(c, id));
    }

    /** By name (exact, then case-insensitive) or id. */
    public Job get(String nameOrId) {
        return store.tx(c -> load(c, resolve(c, nameOrId)));
    }

    static long resolve(Connection c, String nameOrId) throws SQLException {
        var exact = Sql.one(c, "select id from job where name = ?", rs -> rs.getLong(1), nameOrId);
        if (exact.isPresent()) {
            return exact.get();
        }
        var loose = Sql.list(c, "select id from job where lower(name) = lower(?)", rs -> rs.getLong(1), nameOrId);
        if (loose.size() == 1) {
            return loose.get(0);
        }
        if (nameOrId.matches("[0-9]{1,18}")) {
            var byId = Sql.one(c, "select id from job where id = ?", rs -> rs.getLong(1), Long.parseLong(nameOrId));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        throw new DeployException("No job named '" + nameOrId + "'. `sluice job list` shows them.");
    }

    public Job create(JobDraft draft) {
        return store.tx(c -> {
            List<String> commands = validate(c, draft, null);
            Instant now = clock.instant();
            long id = Sql.insert(c, "insert into job (name, environment_id, commands, generate_docs, run_freshness,"
                    + " defer_to_environment_id, defer_to_job_id, threads, timeout_seconds, schedule_cron,"
                    + " schedule_time_zone, trigger_on_commit, completion_of_job_id, completion_statuses,"
                    + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    draft.name.strip(), draft.environmentId, Json.write(commands), draft.generateDocs,
                    draft.runFreshness, draft.deferToEnvironmentId, draft.deferToJobId, draft.threads,
                    draft.timeoutSeconds, Environments.blankToNull(draft.cron), zoneOf(draft), draft.onCommit,
                    draft.completionOfJobId, statuses(draft), now, now);
            return load(c, id);
        });
    }

    public Job edit(String nameOrId, Consumer<JobDraft> change) {
        return store.tx(c -> {
            long id = resolve(c, nameOrId);
            Job before = load(c, id);
            JobDraft draft = before.toDraft();
            change.accept(draft);
            List<String> commands = validate(c, draft, id);
            boolean watchChanged = draft.onCommit != before.triggers().onCommit()
                    || draft.environmentId != before.environmentId();
            Sql.update(c, "update job set name = ?, environment_id = ?, commands = ?, generate_docs = ?,"
                    + " run_freshness = ?, defer_to_environment_id = ?, defer_to_job_id = ?, threads = ?,"
                    + " timeout_seconds = ?, schedule_cron = ?, schedule_time_zone = ?, trigger_on_commit = ?,"
                    + " completion_of_job_id = ?, completion_statuses = ?, updated_at = ?"
                    + (watchChanged ? ", last_seen_commit = null" : "") + " where id = ?",
                    draft.name.strip(), draft.environmentId, Json.write(commands), draft.generateDocs,
                    draft.runFreshness, draft.deferToEnvironmentId, draft.deferToJobId, draft.threads,
                    draft.timeoutSeconds, Environments.blankToNull(draft.cron), zoneOf(draft), draft.onCommit,
                    draft.completionOfJobId, statuses(draft), clock.instant(), id);
            return load(c, id);
        });
    }

    private static String zoneOf(JobDraft d) {
        return Environments.blankToNull(d.cron) == null ? null
                : d.timeZone == null || d.timeZone.isBlank() ? "UTC" : d.timeZone.strip();
    }

    private static String statuses(JobDraft d) {
        return d.completionOfJobId == null ? null
                : d.completionStatuses.stream().map(RunStatus::key).collect(Collectors.joining(","));
    }

    /** Validates the draft; returns the commands as they will be saved (stripped). */
    private static List<String> validate(Connection c, JobDraft d, Long self) throws SQLException {
        if (d.name == null || d.name.isBlank()) {
            throw new DeployException("A job needs a name.");
        }
        var sameName = Sql.list(c, "select id from job where lower(name) = lower(?)", rs -> rs.getLong(1),
                d.name.strip());
        if (sameName.stream().anyMatch(id -> !id.equals(self))) {
            throw new DeployException("A job named '" + d.name.strip() + "' exists already.");
        }
        Environment environment = Environments.load(c, d.environmentId);
        if (d.commands == null || d.commands.isEmpty()) {
            throw new DeployException("Job '" + d.name + "' needs at least one command, e.g. `sluice build`.");
        }
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < d.commands.size(); i++) {
            try {
                commands.add(JobCommand.parse(d.commands.get(i)).line());
            } catch (DeployException e) {
                throw new DeployException("Job '" + d.name + "', command " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (d.threads != null && d.threads < 1) {
            throw new DeployException("Job '" + d.name + "': threads must be at least 1.");
        }
        if (d.timeoutSeconds != null && d.timeoutSeconds < 0) {
            throw new DeployException("Job '" + d.name + "': the timeout is a number of seconds, 0 for none.");
        }
        if (d.deferToJobId != null) {
            if (d.deferToJobId.equals(self)) {
                throw new DeployException("Job '" + d.name + "' cannot defer to itself.");
            }
            load(c, d.deferToJobId);
        }
        if (d.deferToEnvironmentId != null) {
            if (d.deferToJobId != null) {
                throw new DeployException("Job '" + d.name + "': defer to a job or to an environment, not both.");
            }
            Environments.load(c, d.deferToEnvironmentId);
        }
        if (Environments.blankToNull(d.cron) != null) {
            CronSchedule.parse(d.cron, d.timeZone);
        }
        if (d.onCommit && !environment.isDeployment()) {
            throw new DeployException("Job '" + d.name + "': only a deployment environment's job can run on new"
                    + " commits to its branch.");
        }
        if (d.completionOfJobId != null) {
            if (d.completionOfJobId.equals(self)) {
                throw new DeployException("Job '" + d.name + "' cannot be triggered by its own completion.");
            }
            load(c, d.completionOfJobId);
            if (d.completionStatuses.isEmpty()) {
                d.completionStatuses = new LinkedHashSet<>(Set.of(RunStatus.SUCCESS));
            }
            if (d.completionStatuses.stream().anyMatch(s -> !s.finished())) {
                throw new DeployException("Job '" + d.name + "': a completion trigger fires on success, error or"
                        + " cancelled.");
            }
        }
        return commands;
    }

    static Job load(Connection c, long id) throws SQLException {
        return Sql.one(c, "select * from job where id = ?", Jobs::row, id)
                .orElseThrow(() -> new DeployException("No job with id " + id + "."));
    }

    static Job row(ResultSet rs) throws SQLException {
        String statuses = rs.getString("completion_statuses");
        Set<RunStatus> completion = statuses == null || statuses.isBlank() ? Set.of()
                : Arrays.stream(statuses.split(",")).map(RunStatus::parse)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        return new Job(rs.getLong("id"), rs.getString("name"), rs.getLong("environment_id"),
                Json.stringList(rs.getString("commands")),
                new Job.Execution(rs.getBoolean("generate_docs"), rs.getBoolean("run_freshness"),
                        Sql.longOrNull(rs, "defer_to_environment_id"), Sql.longOrNull(rs, "defer_to_job_id"),
                        Sql.integer(rs, "threads"), Sql.integer(rs, "timeout_seconds")),
                new Job.Triggers(rs.getString("schedule_cron"), rs.getString("schedule_time_zone"),
                        rs.getBoolean("trigger_on_commit"), Sql.longOrNull(rs, "completion_of_job_id"), completion),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
