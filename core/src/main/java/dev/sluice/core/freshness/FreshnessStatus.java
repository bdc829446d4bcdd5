package dev.sluice.core.freshness;

import dev.sluice.core.execute.NodeStatus;

/** A source's freshness verdict, as sources.json spells it; each maps to the node status run results carry. */
public enum FreshnessStatus {
    PASS("pass", NodeStatus.PASS, "PASS"),
    WARN("warn", NodeStatus.WARN, "WARN"),
    ERROR("error", NodeStatus.ERROR, "ERROR STALE"),
    RUNTIME_ERROR("runtime error", NodeStatus.RUNTIME_ERROR, "ERROR");

    private final String dbtName;
    private final NodeStatus nodeStatus;
    private final String summary;

    FreshnessStatus(String dbtName, NodeStatus nodeStatus, String summary) {
        this.dbtName = dbtName;
        this.nodeStatus = nodeStatus;
        this.summary = summary;
    }

    /** {@code pass}, {@code warn}, {@code error} or {@code runtime error}. */
    public String dbtName() {
        return dbtName;
    }

    public NodeStatus nodeStatus() {
        return nodeStatus;
    }

    /** The bracketed word dbt prints at the end of the console line ("PASS", "WARN", "ERROR STALE", "ERROR"). */
    public String summary() {
        return summary;
    }

    /** The status named {@code text} in a sources.json file, or null for anything else. */
    public static FreshnessStatus fromDbtName(String text) {
        for (FreshnessStatus status : values()) {
            if (status.dbtName.equals(text)) {
                return status;
            }
        }
        return null;
    }
}
