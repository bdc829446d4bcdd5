package dev.sluice.core.api;

import dev.sluice.core.manifest.Manifest;
import dev.sluice.core.manifest.ManifestCounts;
import dev.sluice.core.manifest.Node;
import dev.sluice.core.manifest.ResourceType;
import java.util.ArrayList;
import java.util.List;

/** dbt's "Found 5 models, 3 seeds, 20 data tests, ..." line. */
final class ProjectSummary {
    private ProjectSummary() {
    }

    static String of(Manifest manifest) {
        return of(ManifestCounts.of(manifest));
    }

    static String of(ManifestCounts counts) {
        List<String> parts = new ArrayList<>();
        add(parts, counts.of(ResourceType.MODEL), "model", "models");
        add(parts, counts.of(ResourceType.SNAPSHOT), "snapshot", "snapshots");
        add(parts, counts.of(ResourceType.SEED), "seed", "seeds");
        add(parts, counts.of(ResourceType.ANALYSIS), "analysis", "analyses");
        add(parts, counts.of(ResourceType.TEST), "data test", "data tests");
        add(parts, counts.of(ResourceType.UNIT_TEST), "unit test", "unit tests");
        add(parts, counts.sources(), "source", "sources");
        add(parts, counts.exposures(), "exposure", "exposures");
        add(parts, counts.macros(), "macro", "macros");
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
