package dev.sluice.core.execute;

import java.time.Instant;
import java.util.Map;

/**
 * What executing one node produced, in run_results.json's terms. {@code failures} is the failing row count for tests
 * (null for other nodes); {@code relationName} is the rendered relation, null for tests and ephemeral models.
 */
public record NodeResult(String uniqueId, NodeStatus status, String message, Instant startedAt, Instant completedAt,
                         double executionTime, String threadId, Long failures, Map<String, Object> adapterResponse,
                         String compiledCode, String relationName) {

    public static NodeResult skipped(String uniqueId, String reason, String threadId) {
        Instant now = Instant.now();
        return new NodeResult(uniqueId, NodeStatus.SKIPPED, reason, now, now, 0.0, threadId, null, Map.of(), null, null);
    }
}
