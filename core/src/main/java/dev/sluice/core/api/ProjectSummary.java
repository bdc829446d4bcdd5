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
        List<String> parts = new ArrayList<>();
        add(parts, count(manifest, ResourceType.MODEL), "model", "models");
        add(parts, count(manifest, ResourceType.SNAPSHOT), "snapshot", "snapshots");
        add(parts, count(manifest, ResourceType.SEED), "seed", "seeds");
        add(parts, count(manifest, ResourceType.ANALYSIS), "analysis", "analyses");
        add(parts, count(manifest, ResourceType.TEST), "data test", "data tests");
        add(parts, count(manifest, ResourceType.UNIT_TEST), "unit test", "unit tests");
        add(parts, manifest.sources.size(), "source", "sources");
        add(parts, manifest.exposures.size(), "exposure", "exposures");
        add(parts, manifest.macros.size(), "macro", "macros");
        return "Found " + (parts.isEmpty() ? "nothing" : String.join(", ", parts));
    }

    private static long count(Manifest manifest, ResourceType type) {
        return manifest.nodes.values().stream().filter(n -> n.resourceType == type).count();
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
