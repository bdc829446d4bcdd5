package dev.sluice.deploy.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A deployment job: ordered {@code sluice ...} commands run in one environment, with execution settings and triggers.
 *
 * @param commands the command lines as saved (each validated by {@link dev.sluice.deploy.command.JobCommand#parse})
 */
public record Job(long id, String name, long environmentId, List<String> commands, Execution execution,
                  Triggers triggers, Instant createdAt, Instant updatedAt) {

    /**
     * How the job runs.
     *
     * @param generateDocs          a docs step after the commands
     * @param runFreshness          a {@code sluice source freshness} step first (its failure does not stop the run)
     * @param deferToEnvironmentId  defer to the last successful run of any job in this environment ...
     * @param deferToJobId          ... or of this job
     * @param threads               threads for every step (null: the environment's, then the profile's)
     * @param timeoutSeconds        the run ends as an error after this long (null or 0: never)
     */
    public record Execution(boolean generateDocs, boolean runFreshness, Long deferToEnvironmentId, Long deferToJobId,
                            Integer threads, Integer timeoutSeconds) {
    }

    /**
     * What starts the job besides Run now.
     *
     * @param cron               a five-field cron expression (minute hour day-of-month month day-of-week), or null
     * @param timeZone           the zone the cron expression is read in (default UTC)
     * @param onCommit           a new commit on the environment's branch queues a run
     * @param completionOfJobId  a run of this job finishing with one of {@code completionStatuses} queues a run
     */
    public record Triggers(String cron, String timeZone, boolean onCommit, Long completionOfJobId,
                           Set<RunStatus> completionStatuses) {
        public static Triggers none() {
            return new Triggers(null, null, false, null, Set.of());
        }
    }

    public JobDraft toDraft() {
        JobDraft d = new JobDraft(name, environmentId);
        d.commands = new java.util.ArrayList<>(commands);
        d.generateDocs = execution.generateDocs();
        d.runFreshness = execution.runFreshness();
        d.deferToEnvironmentId = execution.deferToEnvironmentId();
        d.deferToJobId = execution.deferToJobId();
        d.threads = execution.threads();
        d.timeoutSeconds = execution.timeoutSeconds();
        d.cron = triggers.cron();
        d.timeZone = triggers.timeZone();
        d.onCommit = triggers.onCommit();
        d.completionOfJobId = triggers.completionOfJobId();
        d.completionStatuses = new java.util.LinkedHashSet<>(triggers.completionStatuses());
        return d;
    }
}
