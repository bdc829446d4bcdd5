package dev.sluice.core.materialize;

import dev.sluice.core.execute.NodeStatus;
import java.util.Map;

/**
 * What a materialization reports: the status, dbt's message ("OK", "INSERT 100", "PASS", "Got 3 results, configured
 * to fail if != 0"), the failing row count for tests, and the adapter response for run_results.json.
 */
public record Outcome(NodeStatus status, String message, String summary, Long failures,
                      Map<String, Object> adapterResponse) {
}
