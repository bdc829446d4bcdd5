package dev.sluice.core.manifest;

import java.util.Arrays;

/**
 * How many resources of each kind a manifest holds: what dbt's "Found 5 models, 20 data tests, ..." line says. Kept
 * in the parse cache, so a parse that reuses it whole can report them without decoding the manifest.
 *
 * @param nodes     nodes by {@link ResourceType} ordinal
 * @param sources   sources
 * @param exposures exposures
 * @param macros    macros
 */
public record ManifestCounts(int[] nodes, int sources, int exposures, int macros) {
    public static ManifestCounts of(Manifest manifest) {
        int[] counts = new int[ResourceType.values().length];
        for (Node node : manifest.nodes.values()) {
            counts[node.resourceType.ordinal()]++;
        }
        return new ManifestCounts(counts, manifest.sources.size(), manifest.exposures.size(), manifest.macros.size());
    }

    public int of(ResourceType type) {
        return type.ordinal() < nodes.length ? nodes[type.ordinal()] : 0;
    }

    /** Every node (the manifest's {@code nodes} map). */
    public int totalNodes() {
        return Arrays.stream(nodes).sum();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ManifestCounts that && Arrays.equals(nodes, that.nodes) && sources == that.sources
                && exposures == that.exposures && macros == that.macros;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nodes) * 31 + sources * 17 + exposures * 7 + macros;
    }

    @Override
    public String toString() {
        return "ManifestCounts" + Arrays.toString(nodes) + "/" + sources + "/" + exposures + "/" + macros;
    }
}
