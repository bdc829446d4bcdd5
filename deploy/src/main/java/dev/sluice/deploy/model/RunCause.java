package dev.sluice.deploy.model;

import java.util.Locale;

/** Why a run was queued. */
public enum RunCause {
    /** Run now (CLI, UI). */
    MANUAL,
    /** The job's cron schedule. */
    SCHEDULE,
    /** Another job's run finished with one of the chosen statuses. */
    COMPLETION,
    /** A new commit on the environment's branch. */
    COMMIT,
    /** Re-run of a failed run from its failed step. */
    RETRY,
    /** The REST API. */
    API;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunCause of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
