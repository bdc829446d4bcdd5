package dev.sluice.core.execute;

import java.time.Instant;
import java.util.List;

/** The outcome of one command over the selected nodes, in execution order. */
public record RunResults(String command, Instant generatedAt, double elapsedTime, List<NodeResult> results,
                         List<String> args) {

    public long count(NodeStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** dbt exits 1 when any node errored or any test failed; warnings do not count. */
    public boolean failed() {
        return results.stream().anyMatch(r -> r.status().isFailure());
    }
}
