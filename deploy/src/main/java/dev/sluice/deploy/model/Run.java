package dev.sluice.deploy.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One execution of a job, pinned to a commit once it starts.
 *
 * @param firstStep    the step index this run starts at (1, or the failed step of the run it retries)
 * @param commands     the job's commands when the run was queued (a later edit of the job does not change it)
 * @param workerId     the process that claimed it; its heartbeats keep the claim alive
 */
public record Run(long id, long jobId, long environmentId, RunStatus status, RunCause cause, String causeDetail,
                  Long triggerRunId, Long retryOfRunId, Instant scheduledFor, String gitBranch, String gitSha,
                  List<String> commands, int firstStep, boolean generateDocs, boolean runFreshness, Integer threads,
                  Integer timeoutSeconds, String schemaOverride, Instant queuedAt, Instant startedAt,
                  Instant finishedAt, String workerId, Instant heartbeatAt, boolean cancelRequested,
                  String statusMessage) {

    /** Queue to finish (or to now while it runs); null before it starts. */
    public Duration duration(Instant now) {
        if (startedAt == null) {
            return null;
        }
        return Duration.between(startedAt, finishedAt == null ? now : finishedAt);
    }

    public String shortSha() {
        return gitSha == null ? "" : gitSha.substring(0, Math.min(7, gitSha.length()));
    }
}
