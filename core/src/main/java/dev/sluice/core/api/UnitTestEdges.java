package dev.sluice.core.api;

import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Execution order of unit tests, as dbt's build runs them: in the graph a unit test depends on its model (so
 * selecting the model selects its unit tests), but when both are selected the unit test runs first, after the
 * model's own parents, and the model waits for it: a failing unit test skips the model and everything downstream.
 */
final class UnitTestEdges {
    private UnitTestEdges() {
    }

    /**
     * Adds to {@code extraParents} (model waits for unit test; unit test waits for the model's parents) and returns the
     * edges to drop (unit test no longer waits for its model).
     */
    static Map<String, Set<String>> reverse(List<Node> selected, Map<String, Set<String>> extraParents) {
        Map<String, Node> byId = new HashMap<>();
        selected.forEach(n -> byId.put(n.uniqueId, n));
        Map<String, Set<String>> dropped = new HashMap<>();
        for (Node unitTest : selected) {
            if (unitTest.resourceType != ResourceType.UNIT_TEST) {
                continue;
            }
            for (String modelId : unitTest.dependsOnNodes) {
                Node model = byId.get(modelId);
                if (model == null) {
                    continue;
                }
                dropped.computeIfAbsent(unitTest.uniqueId, k -> new HashSet<>()).add(modelId);
                extraParents.computeIfAbsent(modelId, k -> new HashSet<>()).add(unitTest.uniqueId);
                extraParents.computeIfAbsent(unitTest.uniqueId, k -> new HashSet<>()).addAll(model.dependsOnNodes);
            }
        }
        return dropped;
    }
}
