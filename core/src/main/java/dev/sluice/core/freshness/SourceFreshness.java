package dev.sluice.core.freshness;

import dev.sluice.core.execute.NodeResult;
import java.time.Instant;
import java.util.Map;

/**
 * The freshness of one source table: what the query found and the verdict. For a {@link FreshnessStatus#RUNTIME_ERROR}
 * the measured fields are null and {@code error} says what went wrong.
 *
 * @param uniqueId        the source's unique id
 * @param relationName    the rendered relation that was queried
 * @param description     how the console names it: "freshness of source_name.table_name"
 * @param maxLoadedAt     the newest loaded-at value
 * @param snapshottedAt   the warehouse clock at the time of the query
 * @param ageSeconds      {@code snapshottedAt - maxLoadedAt}
 * @param startedAt       when the check began (compile and execute are one step here)
 * @param completedAt     when it ended
 * @param threadId        the worker thread, "Thread-1" style
 * @param adapterResponse what the adapter reported
 * @param sql             the query that ran
 */
public record SourceFreshness(String uniqueId, String relationName, String description, FreshnessStatus status,
                              FreshnessCriteria criteria, Instant maxLoadedAt, Instant snapshottedAt,
                              Double ageSeconds, String error, Instant startedAt, Instant completedAt, String threadId,
                              Map<String, Object> adapterResponse, String sql) {

    public double executionTime() {
        return Timestamps.secondsBetween(startedAt, completedAt);
    }

    public boolean isRuntimeError() {
        return status == FreshnessStatus.RUNTIME_ERROR;
    }

    /**
     * The check as a node result: status PASS, WARN, ERROR (stale past error_after) or RUNTIME_ERROR; the message is
     * the error, or the status and age ("warn: loaded 30.0 hours ago").
     */
    public NodeResult toNodeResult() {
        String message = isRuntimeError() ? error
                : status.dbtName() + ": max_loaded_at " + Timestamps.iso(maxLoadedAt) + " is "
                + String.format(java.util.Locale.ROOT, "%.1f", ageSeconds / 3600.0) + " hours old";
        return new NodeResult(uniqueId, status.nodeStatus(), message, startedAt, completedAt, executionTime(),
                threadId, null, adapterResponse, sql, relationName);
    }
}
