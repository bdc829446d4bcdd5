package dev.sluice.core.execute;

import java.util.Locale;

/** dbt's node result statuses, as run_results.json spells them. */
public enum NodeStatus {
    SUCCESS, ERROR, SKIPPED, PASS, FAIL, WARN, RUNTIME_ERROR;

    public String dbtName() {
        return this == RUNTIME_ERROR ? "runtime error" : name().toLowerCase(Locale.ROOT);
    }

    /** Counts toward the ERROR total of the summary line (errors and failed tests). */
    public boolean isFailure() {
        return this == ERROR || this == FAIL || this == RUNTIME_ERROR;
    }
}
