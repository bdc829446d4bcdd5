package dev.sluice.deploy;

import dev.sluice.deploy.git.Workspace;
import dev.sluice.deploy.model.Environment;
import dev.sluice.deploy.model.Job;
import dev.sluice.deploy.model.Run;
import dev.sluice.deploy.model.RunCause;
import dev.sluice.deploy.schedule.CronSchedule;
import dev.sluice.deploy.store.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The triggers. Each {@link #tick} queues the runs that are due, deciding everything in the store so several
 * schedulers on one store never double a run: a cron schedule's latest time (at most once per job and scheduled
 * minute, by a unique key), a new commit on a branch-watching job's branch (by moving the job's last seen commit with
 * compare-and-set), and it ends the runs of dead workers. Completion triggers fire as a run finishes
 * ({@link RunQueue#finish}).
 */
public final class Scheduler {
    private final Deploy deploy;

    Scheduler(Deploy deploy) {
        this.deploy = deploy;
    }

    /** One pass; returns the runs it queued. */
    public List<Run> tick() {
        List<Run> queued = new ArrayList<>();
        Instant now = deploy.config().clock().instant();
        Map<String, String> heads = new HashMap<>();
        for (Job job : deploy.jobs().list()) {
            if (job.triggers().cron() != null) {
                cron(job, now).ifPresent(queued::add);
            }
            if (job.triggers().onCommit()) {
                commit(job, heads).ifPresent(queued::add);
            }
        }
        deploy.queue().recover(deploy.config().lease());
        return queued;
    }

    private Optional<Run> cron(Job job, Instant now) {
        CronSchedule schedule = CronSchedule.parse(job.triggers().cron(), job.triggers().timeZone());
        Optional<Instant> due = schedule.lastAtOrBefore(now);
        if (due.isEmpty() || due.get().isBefore(job.createdAt())) {
            return Optional.empty();
        }
        Runs.Request request = new Runs.Request(RunCause.SCHEDULE, "Scheduled for " + due.get() + " ("
                + schedule.expression() + " in " + schedule.zone() + ")", null, due.get(), null, null, null);
        try {
            return deploy.store().tx(c -> {
                Optional<Long> id = Runs.enqueue(c, deploy.config().clock(), Jobs.load(c, job.id()), request);
                return id.isEmpty() ? Optional.<Run>empty() : Optional.of(Runs.get(c, id.get()));
            });
        } catch (DeployException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return Optional.empty(); // another scheduler queued this minute's run first
            }
            throw e;
        }
    }

    private Optional<Run> commit(Job job, Map<String, String> heads) {
        Environment env = deploy.environments().get(job.environmentId());
        String branch = env.branch();
        String head = heads.computeIfAbsent(branch, b -> Workspace.resolveBranch(deploy.config().repository(), b));
        return deploy.store().tx(c -> {
            String seen = Sql.one(c, "select last_seen_commit from job where id = ?", rs -> rs.getString(1),
                    job.id()).orElse(null);
            if (head.equals(seen)) {
                return Optional.<Run>empty();
            }
            int moved = seen == null
                    ? Sql.update(c, "update job set last_seen_commit = ? where id = ? and last_seen_commit is null",
                            head, job.id())
                    : Sql.update(c, "update job set last_seen_commit = ? where id = ? and last_seen_commit = ?",
                            head, job.id(), seen);
            if (moved == 0 || seen == null) {
                return Optional.<Run>empty(); // first look only records the head; or another scheduler moved it
            }
            Runs.Request request = new Runs.Request(RunCause.COMMIT, "New commit " + head.substring(0, 7) + " on "
                    + branch, null, null, head, null, null);
            long id = Runs.enqueue(c, deploy.config().clock(), Jobs.load(c, job.id()), request).orElseThrow();
            return Optional.of(Runs.get(c, id));
        });
    }
}
