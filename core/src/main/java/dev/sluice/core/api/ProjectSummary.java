package dev.sluice.core.api;

import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import java.util.ArrayList;
import java.util.List;

/** dbt's "Found 5 models, 3 seeds, 20 data tests, ..." line. */
final class ProjectSummary {
    private ProjectSummary() {
    }

    static String of(Manifest manifest) {
        int[] counts = new int[ResourceType.values().length];
        for (Node node : manifest.nodes.values()) {
            counts[node.resourceType.ordinal()]++;
        }
        List<String> parts = new ArrayList<>();
        add(parts, counts[ResourceType.MODEL.ordinal()], "model", "models");
        add(parts, counts[ResourceType.SNAPSHOT.ordinal()], "snapshot", "snapshots");
        add(parts, counts[ResourceType.SEED.ordinal()], "seed", "seeds");
        add(parts, counts[ResourceType.ANALYSIS.ordinal()], "analysis", "analyses");
        add(parts, counts[ResourceType.TEST.ordinal()], "data test", "data tests");
        add(parts, counts[ResourceType.UNIT_TEST.ordinal()], "unit test", "unit tests");
        add(parts, manifest.sources.size(), "source", "sources");
        add(parts, manifest.exposures.size(), "exposure", "exposures");
        add(parts, manifest.macros.size(), "macro", "macros");
        return "Found " + (parts.isEmpty() ? "nothing" : String.join(", ", parts));
    }

    private static void add(List<String> parts, long count, String one, String many) {
        if (count > 0) {
            parts.add(count + " " + (count == 1 ? one : many));
        }
    }

    static int nodeCount(Manifest manifest) {
        return (int) manifest.nodes.values().stream().filter(Node.class::isInstance).count();
    }
}
